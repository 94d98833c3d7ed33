package com.beershop.reco.mode;

import com.beershop.reco.config.JobProperties;
import com.beershop.reco.config.ReportFormat;
import com.beershop.reco.generation.GenerationReport;
import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.schema.SchemaManager;
import com.beershop.reco.text.ResultOutput;
import com.beershop.reco.tracking.RunMode;
import com.beershop.reco.tracking.RunReport;

import java.util.List;

/** {@code report}: the last runs, then the generations; or the HTML page. */
final class ReportMode implements Mode {

    static final ModeUsage USAGE = ModeUsage.of(RunMode.REPORT, """
            print the last runs of the run history, then which generation is live and which can
            be republished (--format=table|json|csv); --html=FILE writes one self-contained HTML
            page with charts instead (add --format to print as well)""")
            .printingResult();

    private final SchemaManager schema;
    private final RunReport runs;
    private final GenerationReport generations;
    private final JobProperties properties;
    private final ResultOutput output;

    ReportMode(SchemaManager schema, RunReport runs, GenerationReport generations, JobProperties properties,
               ResultOutput output) {
        this.schema = schema;
        this.runs = runs;
        this.generations = generations;
        this.properties = properties;
        this.output = output;
    }

    @Override
    public ModeUsage usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> operands) throws Exception {
        schema.prepareForRun();
        ReportFormat format = properties.standardOutputFormat();
        runs.report(properties.reportRows(), format, properties.reportHtml(), output.stream());
        if (format == ReportFormat.TABLE) {
            generations.print(output.stream());   // JSON and CSV stay one parseable document
        }
        return ExitCodes.OK;
    }
}
