package com.beershop.reco.job;

import com.beershop.reco.config.JobProperties;
import com.beershop.reco.schema.DatabaseVendor;
import com.beershop.reco.tracking.ModelSelectionRepository;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunReport;
import com.beershop.reco.tracking.SelectionRecordRepository;
import com.beershop.reco.tracking.RunSummary;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/** Run tracking: the run history and the model selections it records, the run summary, and the report. */
@Configuration(proxyBeanMethods = false)
public class TrackingConfiguration {

    @Bean
    public RunHistoryRepository runHistoryRepository(JdbcTemplate jdbc) {
        return new RunHistoryRepository(jdbc);
    }

    @Bean
    public ModelSelectionRepository modelSelectionRepository(JdbcTemplate jdbc) {
        return new ModelSelectionRepository(jdbc);
    }

    @Bean
    public SelectionRecordRepository selectionRecordRepository(JdbcTemplate jdbc) {
        return new SelectionRecordRepository(jdbc);
    }

    @Bean
    public RunReport runReport(RunHistoryRepository history) {
        return new RunReport(history);
    }

    @Bean
    public RunSummary runSummary(JobProperties job, DataSource dataSource) {
        // unset: the example user only where the data is the bundled sample (embedded in-memory database)
        return new RunSummary(job.logExampleUser() != null ? job.logExampleUser()
                : DatabaseVendor.isInMemory(dataSource));
    }
}
