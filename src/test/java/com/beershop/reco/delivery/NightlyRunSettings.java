package com.beershop.reco.delivery;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.beershop.reco.delivery.Manifests.cronJobPod;
import static com.beershop.reco.delivery.Manifests.onlyContainer;

/** The environment an overlay gives the nightly container, for tests that run the job with it. */
public final class NightlyRunSettings {

    private NightlyRunSettings() {
    }

    /** Every ConfigMap the overlay renders, then the container's own env values; skipped without kubectl. */
    public static Map<String, String> of(String overlay) {
        return of(Manifests.rendered(overlay));
    }

    static Map<String, String> of(List<HasMetadata> rendered) {
        Map<String, String> settings = new HashMap<>();
        Manifests.ofKind(rendered, ConfigMap.class).forEach(map -> {
            if (map.getData() != null) {
                settings.putAll(map.getData());
            }
        });
        List<EnvVar> env = onlyContainer(cronJobPod(rendered)).getEnv();
        if (env != null) {
            env.stream().filter(e -> e.getValue() != null).forEach(e -> settings.put(e.getName(), e.getValue()));
        }
        return settings;
    }
}
