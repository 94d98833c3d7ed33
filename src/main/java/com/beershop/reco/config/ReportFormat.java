package com.beershop.reco.config;

/** How {@code report} prints the run history on standard output ({@code --format=...}). */
public enum ReportFormat {
    /** aligned columns for a terminal */
    TABLE,
    /** an array of row objects, every column */
    JSON,
    /** RFC 4180 with a header line, every column */
    CSV
}
