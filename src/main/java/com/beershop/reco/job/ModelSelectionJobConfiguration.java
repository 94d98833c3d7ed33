package com.beershop.reco.job;

import com.beershop.reco.config.ModelProperties;
import com.beershop.reco.evaluation.HoldoutProtocol;
import com.beershop.reco.evaluation.selection.ModelChoice;
import com.beershop.reco.evaluation.selection.ModelSelector;
import com.beershop.reco.ingest.CheckedInput;
import com.beershop.reco.tracking.RunMode;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.RunIdIncrementer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code select} mode's job: the nightly job's loading and input check, then a model selection that is always
 * run and recorded, so the nights after it reuse its choice. No gate, no training of the final model, no publish.
 */
@Configuration(proxyBeanMethods = false)
public class ModelSelectionJobConfiguration {

    public static final String JOB_NAME = "modelSelectionJob";

    @Bean
    public Job modelSelectionJob(JobRepository jobRepository, Step loadProductsStep, Step loadRatingsStep,
                                 Step checkInputStep, Step selectOnlyStep, GracefulStop gracefulStop) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .incrementer(new RunIdIncrementer())
                .listener(gracefulStop)
                .start(loadProductsStep)
                .next(loadRatingsStep)
                .next(checkInputStep)
                .next(selectOnlyStep)
                .build();
    }

    @Bean
    public Step selectOnlyStep(TaskletSteps steps, ModelSelector modelSelector, ModelProperties model,
                               HoldoutProtocol holdoutProtocol, SelectModelTasklet.Records selectionRecords,
                               StageResult<CheckedInput> checkedInput, StageResult<ModelChoice> modelChoice) {
        return steps.step("selectOnlyStep", new SelectModelTasklet(modelSelector, RunMode.SELECT,
                SelectModelTasklet.Policy.ALWAYS, model.spec(), holdoutProtocol, selectionRecords, checkedInput,
                modelChoice));
    }
}
