package com.beershop.reco.schema;

import com.beershop.reco.config.JobProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Every statement the job sends gets {@code reco.job.query-timeout}: the DataSource hands out no statement without
 * it. Here, beside {@link QueryTimeoutDataSource}, because every mode's DataSource gets it, not only the jobs'.
 */
@Configuration(proxyBeanMethods = false)
public class StatementTimeoutConfiguration {

    /** Static and reading the environment itself: a post-processor exists before configuration beans do. */
    @Bean
    static BeanPostProcessor queryTimeoutOnEveryStatement(Environment environment) {
        Duration timeout = Binder.get(environment).bindOrCreate("reco.job", JobProperties.class).queryTimeout();
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof QueryTimeoutDataSource)) {
                    return new QueryTimeoutDataSource(dataSource, timeout);
                }
                return bean;
            }
        };
    }
}
