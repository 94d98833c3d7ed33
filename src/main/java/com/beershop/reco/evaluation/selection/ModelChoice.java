package com.beershop.reco.evaluation.selection;

import com.beershop.reco.model.AlgorithmSpec;

/**
 * The model tonight's run evaluates, gates and trains: the configured one, the winner of tonight's model selection,
 * or the recorded winner of an earlier one.
 *
 * @param selection the search that chose it tonight; null when selection is off or its choice was reused
 * @param selectionId the {@code reco_selection} row the choice comes from; null when selection is off or tonight's
 *                    selection was not recorded ({@code evaluate})
 * @param note how the model was chosen, in words for the run history
 */
public record ModelChoice(AlgorithmSpec spec, SelectionResult selection, Long selectionId, String note) {

    public static ModelChoice configured(AlgorithmSpec spec) {
        return new ModelChoice(spec, null, null, "selection off: the configured model");
    }

    public static ModelChoice selected(SelectionResult selection, Long selectionId, String why) {
        return new ModelChoice(selection.chosen(), selection, selectionId, "selected tonight: " + why);
    }

    public static ModelChoice reused(RecordedSelection recorded, String why) {
        return new ModelChoice(recorded.chosen(), null, recorded.id(), why);
    }
}
