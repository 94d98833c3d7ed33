package com.beershop.reco.publish;

import com.beershop.reco.publish.TransactionMeter.Reading;
import com.beershop.reco.schema.TransactionMeasure;
import com.beershop.reco.testing.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the rehearsal reports each measure: a difference in bytes, KB or MB, why a figure is missing, and what a
 * measure that is not measurable on this database says instead. The readings on H2, in a transaction.
 */
class TransactionMeterFiguresTest {

    private static final TransactionMeasure LOG = new TransactionMeasure("transaction log", "SELECT 1", "VIEW STATE",
            "written by this transaction");
    private static final TransactionMeasure NONE = new TransactionMeasure("version store", null, null,
            "not measurable here");

    @Test
    void shouldPrintBytesUpTo1023ThenKilobytesThenMegabytes() {
        assertThat(TransactionMeter.bytes(0)).isEqualTo("0 bytes");
        assertThat(TransactionMeter.bytes(1023)).isEqualTo("1023 bytes");
        assertThat(TransactionMeter.bytes(1024)).isEqualTo("1.0 KB");
        assertThat(TransactionMeter.bytes(1536)).isEqualTo("1.5 KB");
        assertThat(TransactionMeter.bytes(1024 * 1024 - 1)).isEqualTo("1024.0 KB");
        assertThat(TransactionMeter.bytes(1024 * 1024)).isEqualTo("1.0 MB");
        assertThat(TransactionMeter.bytes(5 * 1024 * 1024 + 512 * 1024)).isEqualTo("5.5 MB");
    }

    @Test
    void shouldDescribeTheDifferenceOfEachMeasureOrWhyThereIsNone() {
        TransactionMeter meter = new TransactionMeter(null, List.of(LOG, NONE, LOG, LOG, LOG));
        List<Reading> before = List.of(new Reading(1_000L, null), new Reading(null, null), new Reading(null, "denied"),
                new Reading(5L, null), new Reading(9_000L, null));
        List<Reading> after = List.of(new Reading(3_048L, null), new Reading(null, null), new Reading(null, "again"),
                new Reading(null, "denied later"), new Reading(8_000L, null));

        assertThat(meter.describe(before, after)).containsExactly(
                "transaction log: 2.0 KB, written by this transaction",
                "version store: not measurable here",
                "transaction log: not measurable (needs VIEW STATE; the database said: denied)",
                "transaction log: not measurable (needs VIEW STATE; the database said: denied later)",
                "transaction log: 0 bytes, written by this transaction");
    }

    @Test
    void shouldReadEachMeasureKeepingTheFirstLineOfARefusalAndGoOnInTheSameTransaction() {
        try (MigratedDatabase db = MigratedDatabase.h2()) {
            TransactionMeasure answered = new TransactionMeasure("answered", "SELECT 42", "nothing", "note");
            TransactionMeasure refused = new TransactionMeasure("refused", "SELECT nothing FROM no_such_view", "VIEW",
                    "note");
            TransactionMeter meter = new TransactionMeter(db.jdbc, List.of(answered, NONE, refused, answered));

            List<Reading> readings = new TransactionTemplate(db.transactions).execute(status -> meter.read(status));

            assertThat(readings).hasSize(4);
            assertThat(readings.get(0)).isEqualTo(new Reading(42L, null));
            assertThat(readings.get(1)).isEqualTo(new Reading(null, null));
            assertThat(readings.get(2).value()).isNull();
            assertThat(readings.get(2).failure()).containsIgnoringCase("NO_SUCH_VIEW").doesNotContain("\n");
            assertThat(readings.get(3)).isEqualTo(new Reading(42L, null));
        }
    }
}
