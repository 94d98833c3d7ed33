package com.beershop.reco.tracking;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV report opens in a spreadsheet: no cell of it may run as a formula there. */
class RunHistoryExportTest {

    /** A comma with an even number of quotes after it: one that separates cells. */
    private static final String OUTSIDE_QUOTES = ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)";

    @Test
    void shouldNeutraliseTextCellsThatASpreadsheetWouldRunAsFormulas() throws Exception {
        // given: texts that reach the history from outside (a driver's message, a configured algorithm name)
        RunRecord row = record(Map.of("outcomeReason", "=HYPERLINK(\"http://evil\",\"x\")", "gateReason", "+1+cmd",
                "algorithm", "-2+3", "runMode", "@SUM(A1)", "appVersion", "1.0", "exitCode", 4, "ndcgAtN", 0.25));

        // when
        String csv = RunHistoryExport.csv(List.of(row));

        // then: each such cell begins with an apostrophe; numbers and plain text stay as they are
        List<String> header = Arrays.asList(csv.lines().findFirst().orElseThrow().split(","));
        String line = csv.lines().skip(1).findFirst().orElseThrow();
        List<String> cells = Arrays.asList(line.split(OUTSIDE_QUOTES, -1));
        assertThat(line).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"", ",'+1+cmd,", ",'-2+3,", "'@SUM(A1),",
                ",1.0,", ",0.25,");
        assertThat(cells).hasSameSizeAs(header);
        assertThat(cells.get(header.indexOf("exitCode"))).isEqualTo("4");
        assertThat(cells).noneMatch(cell -> !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0);
    }

    /** A history row with {@code values} and every other column empty. */
    private static RunRecord record(Map<String, Object> values) throws Exception {
        RecordComponent[] columns = RunRecord.class.getRecordComponents();
        Object[] arguments = new Object[columns.length];
        Class<?>[] types = new Class<?>[columns.length];
        for (int i = 0; i < columns.length; i++) {
            types[i] = columns[i].getType();
            arguments[i] = values.getOrDefault(columns[i].getName(), types[i] == boolean.class ? false : null);
        }
        return RunRecord.class.getDeclaredConstructor(types).newInstance(arguments);
    }
}
