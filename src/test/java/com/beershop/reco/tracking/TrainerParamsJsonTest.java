package com.beershop.reco.tracking;

import com.beershop.reco.model.AlgorithmSpec;
import com.beershop.reco.model.TrainerCatalog;
import com.beershop.reco.model.Workers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code params} column of the run history is the trainer's effective parameters as a JSON object: every
 * parameter, defaults included, in the configuration's order, numbers as JSON numbers (so that
 * {@code JSON_VALUE(params, '$.factors')} reads a number). The texts below are what earlier versions stored.
 */
class TrainerParamsJsonTest {

    @Test
    void shouldStoreEveryParameterOfEachTrainerWithNumbersAsNumbers() {
        try (Workers workers = Workers.of(1)) {
            TrainerCatalog trainers = TrainerCatalog.standard(workers);

            assertThat(json(trainers, "ials:factors=12")).isEqualTo("{\"factors\":12,\"iterations\":15,\"reg\":0.005,"
                    + "\"alpha\":3.0,\"confidence\":\"binary\",\"reg-scaling\":\"frequency\",\"cg-steps\":3,"
                    + "\"init-std\":0.01}");
            assertThat(json(trainers, "ease:lambda=1e3")).isEqualTo("{\"lambda\":1000.0,\"max-items\":15000}");
            assertThat(json(trainers, "librec-wrmf:alpha=2,reg-item=0.5"))
                    .isEqualTo("{\"factors\":32,\"iterations\":20,\"reg\":0.01,\"reg-item\":0.5,\"alpha\":2.0}");
            assertThat(json(trainers, "most-popular")).isEqualTo("{}");
        }
    }

    private static String json(TrainerCatalog trainers, String spec) {
        return JsonText.of(trainers.create(AlgorithmSpec.parse(spec)).effectiveParams());
    }
}
