package com.beershop.reco.sample;

import java.io.IOException;

/**
 * A line of a sample-data CSV file that cannot be parsed at all: wrong column count, a rating that is not a number,
 * an unreadable date or boolean, a wrong header. An IOException, like {@link java.util.zip.ZipException}: the
 * content of the stream is bad, whoever reads it.
 */
public final class SampleDataFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long lineNumber;

    public SampleDataFormatException(String source, long lineNumber, String problem) {
        super(source + " line " + lineNumber + ": " + problem);
        this.source = source;
        this.lineNumber = lineNumber;
    }

    /** The file name (or other source name) given to the reader. */
    public String source() {
        return source;
    }

    /** 1-based physical line on which the bad record starts; the header is line 1. */
    public long lineNumber() {
        return lineNumber;
    }
}
