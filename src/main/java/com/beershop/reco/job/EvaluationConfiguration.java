package com.beershop.reco.job;

import com.beershop.reco.config.EvaluationProperties;
import com.beershop.reco.config.ModelProperties;
import com.beershop.reco.config.QualityGateProperties;
import com.beershop.reco.config.ScoringProperties;
import com.beershop.reco.config.SelectionProperties;
import com.beershop.reco.evaluation.AlgorithmComparison;
import com.beershop.reco.evaluation.BaselineComparison;
import com.beershop.reco.evaluation.HoldoutProtocol;
import com.beershop.reco.evaluation.QualityGate;
import com.beershop.reco.evaluation.SeedSpread;
import com.beershop.reco.evaluation.selection.ModelSelector;
import com.beershop.reco.evaluation.selection.SelectionSchedule;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.tracking.ModelSelectionRepository;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.SelectionRecordRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Judging models offline: the hold-out protocol every comparison shares, the model selection, the comparisons of
 * the {@code evaluate} mode, and the quality gate with its one-shot override.
 */
@Configuration(proxyBeanMethods = false)
public class EvaluationConfiguration {

    @Bean
    public HoldoutProtocol holdoutProtocol(EvaluationProperties evaluation, ModelProperties model,
                                           ScoringProperties scoring) {
        return new HoldoutProtocol(evaluation.split(), evaluation.holdoutFraction(), model.seed(), scoring.lists(),
                scoring.minUserRatings(), evaluation.maxUsers(), evaluation.recent());
    }

    @Bean
    public BaselineComparison baselineComparison(TrainerCatalog trainers, HoldoutProtocol holdoutProtocol) {
        return new BaselineComparison(trainers, holdoutProtocol);
    }

    @Bean
    public AlgorithmComparison algorithmComparison(TrainerCatalog trainers, HoldoutProtocol holdoutProtocol) {
        return new AlgorithmComparison(trainers, holdoutProtocol);
    }

    @Bean
    public SeedSpread seedSpread(TrainerCatalog trainers, HoldoutProtocol holdoutProtocol) {
        return new SeedSpread(trainers, holdoutProtocol);
    }

    /** Built even when reco.selection.enabled=false, so a typo in the search space fails at start either way. */
    @Bean
    public ModelSelector modelSelector(TrainerCatalog trainers, SelectionProperties selection, ModelProperties model,
                                       ScoringProperties scoring, EvaluationProperties evaluation) {
        return new ModelSelector(trainers, selection.searchSpace(evaluation.split()),
                new ModelSelector.Settings(selection.validationFraction(), selection.maxRatings(),
                        selection.workBudget(), selection.wallLimit().toMillis() / 1000.0, scoring.lists(),
                        scoring.minUserRatings(), model.seed(), selection.minGain(), selection.noiseMargin()),
                evaluation.split(), evaluation.recent());
    }

    /** Everything a model-selection step needs besides the selector. */
    @Bean
    SelectModelTasklet.Records selectionRecords(SelectionProperties selection,
                                                ModelSelectionRepository modelSelectionRepository,
                                                SelectionRecordRepository selectionRecordRepository,
                                                RunHistoryRepository history) {
        return new SelectModelTasklet.Records(new SelectionSchedule(selection.maxAge(), selection.maxDataChange()),
                selection.force(), modelSelectionRepository, selectionRecordRepository, history);
    }

    @Bean
    public QualityGate qualityGate(QualityGateProperties gate) {
        return new QualityGate(gate.enabled(), gate.minNdcg(), gate.mustBeatPopularity(), gate.maxRelativeDrop());
    }

    @Bean
    GateOverride gateOverride(QualityGateProperties gate, RunHistoryRepository history) {
        return new GateOverride(gate.override(), history);
    }
}
