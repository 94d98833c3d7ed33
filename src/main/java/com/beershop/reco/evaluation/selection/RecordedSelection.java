package com.beershop.reco.evaluation.selection;

import com.beershop.reco.model.AlgorithmSpec;
import java.time.Instant;

/**
 * A model selection as recorded: what it chose, when, on which data and under which configuration. A later run
 * reuses {@link #chosen()} while {@link SelectionSchedule} finds the record still fits.
 *
 * @param id the record's key, which a run that used it names in its history row
 * @param configurationKey digest of {@link ModelSelector#configurationKey}: the space and settings that chose
 */
public record RecordedSelection(long id, long jobExecutionId, Instant selectedAt, String dataFingerprint,
                                DataShape data, String configurationKey, AlgorithmSpec chosen, double validationNdcg) {

    /** The size of the ratings a selection ran on (all of them, before the gate's split). */
    public record DataShape(long ratings, int users, int products) {

        /**
         * The largest relative change of the three counts from {@code before} to this, e.g. 0.25 when the ratings
         * grew by a quarter and the users less; a count that was 0 and is not any more is a change of 1.
         */
        public double changeSince(DataShape before) {
            return Math.max(change(before.ratings, ratings),
                    Math.max(change(before.users, users), change(before.products, products)));
        }

        private static double change(long before, long now) {
            if (before == now) {
                return 0;
            }
            return before == 0 ? 1 : Math.abs(now - before) / (double) before;
        }
    }
}
