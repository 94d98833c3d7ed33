package com.beershop.reco.model;

import com.beershop.reco.config.ModelProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlgorithmSpecTest {

    @Test
    void shouldParseNameAndParametersOfACandidate() {
        AlgorithmSpec spec = AlgorithmSpec.parse(" IALS:factors=8, reg=0.005 ");

        assertThat(spec.name()).isEqualTo("ials");
        assertThat(spec.params()).containsExactly(Map.entry("factors", "8"), Map.entry("reg", "0.005"));
        assertThat(spec.intParam("factors", 1)).isEqualTo(8);
        assertThat(spec.doubleParam("alpha", 3)).isEqualTo(3);
    }

    @Test
    void shouldRefuseAPairWithoutValueAndANonNumber() {
        assertThatThrownBy(() -> AlgorithmSpec.parse("ials:factors")).isInstanceOf(InvalidAlgorithmSpecException.class)
                .hasMessageContaining("expected key=value");
        assertThatThrownBy(() -> AlgorithmSpec.parse("ials:factors=many").intParam("factors", 8))
                .hasMessageContaining("factors=many is not a whole number");
    }

    @Test
    void shouldBindAMultiWordParameterFromAnEnvironmentVariable() {
        StandardEnvironment environment = new StandardEnvironment();
        // the name matters: Spring maps RECO_A_B to reco.a.b only for the "systemEnvironment" source
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "RECO_MODEL_ALGORITHM", "ials", "RECO_MODEL_PARAMS_CG_STEPS", "5", "RECO_MODEL_PARAMS_FACTORS", "12")));

        ModelProperties model = new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("reco.model", ModelProperties.class);

        assertThat(model.spec().params()).containsEntry("cg-steps", "5").containsEntry("factors", "12");
        try (Workers workers = Workers.of(1)) {
            assertThat(TrainerCatalog.standard(workers).create(model.spec()).effectiveParams())
                    .containsEntry("cg-steps", 5).containsEntry("factors", 12);
        }
    }
}
