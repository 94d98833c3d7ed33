package com.beershop.reco.evaluation.selection;

import com.beershop.reco.model.AlgorithmSpec;

/**
 * The model tonight's run evaluates, gates and trains: the configured one, or the winner of the model selection.
 *
 * @param selection the search that chose it; null when selection is switched off
 */
public record ModelChoice(AlgorithmSpec spec, SelectionResult selection) {

    public static ModelChoice configured(AlgorithmSpec spec) {
        return new ModelChoice(spec, null);
    }

    public static ModelChoice selected(SelectionResult selection) {
        return new ModelChoice(selection.chosen(), selection);
    }
}
