package com.beershop.reco.delivery;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The production overlay with optional components switched on, rendered from a scratch copy of cronjob/. */
final class Components {

    static final List<String> OPTIONAL = List.of("workload-identity", "external-secrets", "ca-truststore");

    private Components() {
    }

    /** The command that switches a component on: one line in the overlay's components list. */
    static String switchOn(String component) {
        return "sed -i 's|^  # - ../../components/skip-hooks |  - ../../components/" + component
                + "\\n  # - ../../components/skip-hooks |' cronjob/overlays/production/kustomization.yaml";
    }

    static List<HasMetadata> production(Path scratch, List<String> components) {
        Path root = RepoCopy.of(scratch);
        components.forEach(c -> RepoCopy.run(root, switchOn(c)));
        return Manifests.rendered(root.resolve("cronjob/overlays/production"));
    }

    /** Every pod the resources can start, by workload name. */
    static Map<String, PodSpec> pods(List<HasMetadata> rendered) {
        Map<String, PodSpec> pods = new LinkedHashMap<>();
        Manifests.ofKind(rendered, CronJob.class).forEach(c -> pods.put(c.getMetadata().getName(),
                c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()));
        Manifests.ofKind(rendered, Job.class).forEach(j -> pods.put(j.getMetadata().getName(),
                j.getSpec().getTemplate().getSpec()));
        return pods;
    }
}
