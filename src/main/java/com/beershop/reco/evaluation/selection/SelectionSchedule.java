package com.beershop.reco.evaluation.selection;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether tonight's run selects a model or reuses the last recorded choice. Hyperparameters that won a week
 * ago on nearly the same data still fit: selecting every night costs minutes and, under a time budget, changed the
 * model with the machine's load. So a run selects only when there is no record, the record is older than
 * {@code maxAge}, the data changed by more than {@code maxDataChange}, the space or settings changed, the last run
 * that trained its choice was refused by the quality gate (reusing it would be refused again for a week), or someone
 * asks for it.
 */
public record SelectionSchedule(Duration maxAge, double maxDataChange) {

    /**
     * Tonight's answer: the recorded selection to reuse, or none to select; {@code reason} says why, in words for
     * the log and the run history.
     */
    public record Decision(Optional<RecordedSelection> reuse, String reason) {

        public static Decision select(String reason) {
            return new Decision(Optional.empty(), reason);
        }

        public boolean select() {
            return reuse.isEmpty();
        }
    }

    /**
     * @param last the latest recorded selection, if any
     * @param now when tonight's run looks
     * @param data tonight's ratings
     * @param configurationKey digest of tonight's space and settings
     * @param asked whether selection was asked for (the {@code select} mode, {@code reco.selection.force})
     * @param lastUseRefused whether the latest run was refused by the quality gate with the recorded choice
     */
    public Decision decide(Optional<RecordedSelection> last, Instant now, RecordedSelection.DataShape data,
                           String configurationKey, boolean asked, boolean lastUseRefused) {
        if (asked) {
            return Decision.select("asked for");
        }
        if (last.isEmpty()) {
            return Decision.select("no selection recorded yet");
        }
        RecordedSelection recorded = last.get();
        if (lastUseRefused) {
            return Decision.select(String.format(Locale.ROOT, "the quality gate refused the last run with the choice"
                    + " of selection #%d", recorded.id()));
        }
        Duration age = Duration.between(recorded.selectedAt(), now);
        if (age.compareTo(maxAge) > 0) {
            return Decision.select(String.format(Locale.ROOT, "the last selection (#%d) is %s old, more than the"
                    + " %s reco.selection.max-age", recorded.id(), words(age), words(maxAge)));
        }
        if (!recorded.configurationKey().equals(configurationKey)) {
            return Decision.select(String.format(Locale.ROOT, "the search space or its settings changed since the"
                    + " last selection (#%d)", recorded.id()));
        }
        double change = data.changeSince(recorded.data());
        if (change > maxDataChange) {
            return Decision.select(String.format(Locale.ROOT, "the data changed by %.1f %% since the last selection"
                    + " (#%d), more than the %.0f %% reco.selection.max-data-change", 100 * change, recorded.id(),
                    100 * maxDataChange));
        }
        return new Decision(last, String.format(Locale.ROOT, "reusing selection #%d of %s (%s old, data"
                + " changed by %.1f %%)", recorded.id(), recorded.selectedAt(), words(age), 100 * change));
    }

    /** 3d 4h, 5h 10m, 40s: the two largest units. */
    static String words(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + "d" + (hours > 0 ? " " + hours + "h" : "");
        }
        if (hours > 0) {
            return hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
        }
        return minutes > 0 ? minutes + "m" : seconds % 60 + "s";
    }
}
