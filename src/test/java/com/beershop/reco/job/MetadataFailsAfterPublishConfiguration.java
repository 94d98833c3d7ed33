package com.beershop.reco.job;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Test double, added with {@code --spring.main.sources} only: deliberately not a {@code @Configuration}, or the
 * application's component scan (which sees the test classes) would put it into every test's run. the job repository's first update of {@code publishStep}
 * after its tasklet ran (the step's write count set, so the publish transaction has committed) fails as a database
 * that went away at that moment would. Every other call goes to the real repository.
 */
public class MetadataFailsAfterPublishConfiguration {

    @Bean
    static BeanPostProcessor failingPublishStepUpdate() {
        AtomicBoolean failed = new AtomicBoolean();
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof JobRepository real)) {
                    return bean;
                }
                return Proxy.newProxyInstance(JobRepository.class.getClassLoader(), new Class<?>[]{JobRepository.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("update") && args != null && args[0] instanceof StepExecution step
                                    && step.getStepName().equals("publishStep") && step.getWriteCount() > 0
                                    && failed.compareAndSet(false, true)) {
                                throw new DataAccessResourceFailureException("connection lost after the publish");
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}
