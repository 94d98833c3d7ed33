package com.beershop.reco.job;

import com.beershop.reco.config.EvaluationProperties;
import com.beershop.reco.config.ModelProperties;
import com.beershop.reco.evaluation.AlgorithmComparison;
import com.beershop.reco.evaluation.SeedSpread;
import com.beershop.reco.evaluation.HoldoutProtocol;
import com.beershop.reco.evaluation.selection.ModelChoice;
import com.beershop.reco.evaluation.selection.ModelSelector;
import com.beershop.reco.ingest.CheckedInput;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunMode;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.RunIdIncrementer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code evaluate} mode's job: the same loading steps as the nightly job, then a comparison of every
 * configured candidate on one hold-out. It has no publish step, so it cannot touch the live table.
 */
@Configuration(proxyBeanMethods = false)
public class AlgorithmComparisonJobConfiguration {

    public static final String JOB_NAME = "algorithmComparisonJob";

    @Bean
    public Job algorithmComparisonJob(JobRepository jobRepository, Step loadProductsStep, Step loadRatingsStep,
                                      Step checkInputStep, Step compareAlgorithmsStep, Step searchModelsStep,
                                      GracefulStop gracefulStop) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .incrementer(new RunIdIncrementer())
                .listener(gracefulStop)
                .start(loadProductsStep)
                .next(loadRatingsStep)
                .next(checkInputStep)
                .next(compareAlgorithmsStep)
                .next(searchModelsStep)
                .build();
    }

    /** The nightly model selection on the same data, shown as a table (and recorded), whether or not it is on. */
    @Bean
    public Step searchModelsStep(TaskletSteps steps, ModelSelector modelSelector, ModelProperties model,
                                 HoldoutProtocol holdoutProtocol, SelectModelTasklet.Records selectionRecords,
                                 StageResult<CheckedInput> checkedInput, StageResult<ModelChoice> modelChoice) {
        return steps.step("searchModelsStep", new SelectModelTasklet(modelSelector, RunMode.EVALUATE,
                SelectModelTasklet.Policy.ALWAYS_UNRECORDED, model.spec(), holdoutProtocol, selectionRecords,
                checkedInput, modelChoice));
    }

    @Bean
    public Step compareAlgorithmsStep(TaskletSteps steps, AlgorithmComparison algorithmComparison,
                                      EvaluationProperties evaluation, HoldoutProtocol holdoutProtocol,
                                      RunHistoryRepository history, AppVersion appVersion,
                                      StageResult<CheckedInput> checkedInput, SeedSpread seedSpread) {
        return steps.step("compareAlgorithmsStep", new CompareAlgorithmsTasklet(algorithmComparison,
                evaluation.candidates(), holdoutProtocol, history, appVersion, checkedInput, seedSpread,
                evaluation.seeds()));
    }
}
