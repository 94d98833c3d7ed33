package com.beershop.reco.mode;

import com.beershop.reco.check.DatabaseFitness;
import com.beershop.reco.config.JobProperties;
import com.beershop.reco.config.PublishProperties;
import com.beershop.reco.config.SchemaProperties;
import com.beershop.reco.config.SelectionProperties;
import com.beershop.reco.generation.GenerationReport;
import com.beershop.reco.generation.Republisher;
import com.beershop.reco.job.GracefulStop;
import com.beershop.reco.job.Rehearsal;
import com.beershop.reco.schema.RunLocks;
import com.beershop.reco.schema.SchemaManager;
import com.beershop.reco.seed.SampleDataSeeder;
import com.beershop.reco.text.ResultOutput;
import com.beershop.reco.tracking.RunReport;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The modes the command line runs, each with what it needs; {@code help} needs nothing and is no bean. */
@Configuration(proxyBeanMethods = false)
class ModesConfiguration {

    @Bean
    JobStarter jobStarter(SchemaManager schema, SampleDataSeeder seeder, JobOperator jobOperator,
                          JobRepository jobRepository, RunLocks runLocks, GracefulStop gracefulStop,
                          JobProperties jobProperties) {
        return new JobStarter(schema, seeder, jobOperator, jobRepository, runLocks, gracefulStop,
                jobProperties.staleAfter());
    }

    @Bean
    Mode nightlyRunMode(JobStarter jobStarter, Job beerRecommendationJob) {
        return new NightlyRunMode(jobStarter, beerRecommendationJob);
    }

    @Bean
    Mode migrateMode(SchemaManager schema, RunLocks runLocks, SchemaProperties schemaProperties) {
        return new MigrateMode(schema, runLocks, schemaProperties.migrateLockWait());
    }

    @Bean
    Mode checkMode(DatabaseFitness fitness, ResultOutput output) {
        return new CheckMode(fitness, output);
    }

    @Bean
    Mode rehearseMode(JobStarter jobStarter, Job beerRecommendationRehearsal, Rehearsal rehearsal) {
        return new RehearseMode(jobStarter, beerRecommendationRehearsal, rehearsal);
    }

    @Bean
    Mode evaluateMode(JobStarter jobStarter, Job algorithmComparisonJob) {
        return new EvaluateMode(jobStarter, algorithmComparisonJob);
    }

    @Bean
    Mode selectMode(JobStarter jobStarter, Job modelSelectionJob, SelectionProperties selection) {
        return new SelectMode(jobStarter, modelSelectionJob, selection.enabled());
    }

    @Bean
    Mode reportMode(SchemaManager schema, RunReport runReport, GenerationReport generationReport,
                    JobProperties jobProperties, ResultOutput output) {
        return new ReportMode(schema, runReport, generationReport, jobProperties, output);
    }

    @Bean
    Mode republishMode(SchemaManager schema, RunLocks runLocks, Republisher republisher,
                       PublishProperties publishProperties) {
        return new RepublishMode(schema, runLocks, republisher, publishProperties.republishRunId());
    }
}
