package com.beershop.reco.delivery;

import com.beershop.reco.testing.ExternalTool;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;


/** Reads the deployment files strictly and renders overlays with kubectl, for the delivery tests. */
final class Manifests {

    static final Path REPO = Path.of("").toAbsolutePath();
    static final Path CRONJOB = REPO.resolve("cronjob");
    static final Path ARGOCD = REPO.resolve("argocd");

    /** Unknown fields and duplicate keys fail (Jackson 3 no longer fails on unknown properties by default). */
    static final YAMLMapper STRICT = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("Role", Role.class),
            Map.entry("RoleBinding", RoleBinding.class),
            Map.entry("CronJob", CronJob.class),
            Map.entry("Job", Job.class),
            Map.entry("ConfigMap", ConfigMap.class),
            Map.entry("Secret", Secret.class),
            Map.entry("Namespace", Namespace.class),
            Map.entry("NetworkPolicy", NetworkPolicy.class),
            Map.entry("ServiceAccount", ServiceAccount.class));

    /** Custom resources of operators the components use (External Secrets, Prometheus Operator): read as trees. */
    static final Map<String, String> CUSTOM_KINDS = Map.of(
            "ServiceMonitor", "monitoring.coreos.com/v1",
            "ExternalSecret", "external-secrets.io/v1",
            "SecretStore", "external-secrets.io/v1");

    private static final Map<String, List<HasMetadata>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    static List<Path> yamlFilesUnder(Path... roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static List<JsonNode> documents(String yaml) {
        return STRICT.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll().stream()
                .filter(node -> node != null && !node.isNull() && !node.isMissingNode())
                .toList();
    }

    static List<JsonNode> documents(Path file) {
        try {
            return documents(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isKubernetesKind(String kind) {
        return KINDS.containsKey(kind) || kind.equals(PrometheusRuleFiles.KIND) || CUSTOM_KINDS.containsKey(kind);
    }

    /**
     * Reads one document into its fabric8 type and fails on any field the type does not know. fabric8 models keep
     * unknown fields in {@code additionalProperties} (an any-setter) instead of failing, so those maps are checked
     * all the way down as well.
     */
    static HasMetadata typed(JsonNode document) {
        String kind = document.path("kind").asString();
        if (kind.equals(PrometheusRuleFiles.KIND)) {
            // no fabric8 model of the Prometheus Operator's CRDs for this client version: checked field by field
            PrometheusRuleFiles.check(document);
            return STRICT.treeToValue(document, GenericKubernetesResource.class);
        }
        if (CUSTOM_KINDS.containsKey(kind)) {
            if (!document.path("apiVersion").asString().equals(CUSTOM_KINDS.get(kind))) {
                throw new IllegalArgumentException(kind + " must be " + CUSTOM_KINDS.get(kind));
            }
            return STRICT.treeToValue(document, GenericKubernetesResource.class);
        }
        Class<? extends HasMetadata> type = KINDS.get(kind);
        if (type == null) {
            throw new IllegalArgumentException("no fabric8 type registered for kind '" + kind + "'");
        }
        HasMetadata resource = STRICT.treeToValue(document, type);
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(resource, kind, unknown, 0);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown fields in " + kind + ": " + unknown);
        }
        return resource;
    }

    private static void collectUnknownFields(Object value, String path, List<String> unknown, int depth) {
        if (value == null || depth > 40) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknownFields(v, path + "." + k, unknown, depth + 1));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
                continue;
            }
            String property = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            collectUnknownFields(child, path + "." + property, unknown, depth + 1);
        }
    }

    /** {@code kubectl kustomize cronjob/overlays/<overlay>}, read strictly into fabric8 types; fails under CI, skipped elsewhere, without kubectl ({@link ExternalTool}). */
    static List<HasMetadata> rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> rendered(CRONJOB.resolve("overlays").resolve(o)));
    }

    /**
     * {@code kubectl kustomize <directory>}, read strictly into fabric8 types; fails under CI, skipped elsewhere,
     * without kubectl ({@link ExternalTool}).
     */
    static List<HasMetadata> rendered(Path directory) {
        ExternalTool.KUBECTL.require();
        return documents(kustomize(directory)).stream().map(Manifests::typed).toList();
    }

    static String kustomize(Path directory) {
        try {
            Process process = new ProcessBuilder(ExternalTool.KUBECTL.require(), "kustomize", directory.toString())
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + directory + " failed: " + err);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> resources, Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The nightly CronJob. */
    static CronJob cronJob(List<HasMetadata> resources) {
        return cronJob(resources, "beer-reco-batch");
    }

    /** The suspended CronJob that Jobs to republish a generation are made from. */
    static CronJob republishCronJob(List<HasMetadata> resources) {
        return cronJob(resources, "beer-reco-batch-republish");
    }

    /** The suspended CronJob that Jobs to rehearse a night are made from. */
    static CronJob rehearseCronJob(List<HasMetadata> resources) {
        return cronJob(resources, "beer-reco-batch-rehearse");
    }

    /** The weekly CronJob that runs the model selection alone. */
    static CronJob selectCronJob(List<HasMetadata> resources) {
        return cronJob(resources, "beer-reco-batch-select");
    }

    private static CronJob cronJob(List<HasMetadata> resources, String name) {
        return only(ofKind(resources, CronJob.class).stream().filter(c -> c.getMetadata().getName().equals(name))
                .toList(), "CronJob " + name);
    }

    static List<GenericKubernetesResource> prometheusRules(List<HasMetadata> resources) {
        return ofKind(resources, GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals(PrometheusRuleFiles.KIND)).toList();
    }

    static Job migrateJob(List<HasMetadata> resources) {
        return job(resources, "beer-reco-batch-migrate");
    }

    static Job checkJob(List<HasMetadata> resources) {
        return job(resources, "beer-reco-batch-check");
    }

    private static Job job(List<HasMetadata> resources, String name) {
        return only(ofKind(resources, Job.class).stream().filter(j -> j.getMetadata().getName().equals(name)).toList(),
                "Job " + name);
    }

    static PodSpec cronJobPod(List<HasMetadata> resources) {
        return cronJob(resources).getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    }

    static PodSpec republishPod(List<HasMetadata> resources) {
        return republishCronJob(resources).getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    }

    static PodSpec rehearsePod(List<HasMetadata> resources) {
        return rehearseCronJob(resources).getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    }

    static PodSpec migratePod(List<HasMetadata> resources) {
        return migrateJob(resources).getSpec().getTemplate().getSpec();
    }

    static PodSpec checkPod(List<HasMetadata> resources) {
        return checkJob(resources).getSpec().getTemplate().getSpec();
    }

    static Container onlyContainer(PodSpec pod) {
        return only(pod.getContainers(), "container");
    }

    private static <T> T only(List<T> items, String what) {
        if (items.size() != 1) {
            throw new IllegalStateException("expected exactly one " + what + ", found " + items.size());
        }
        return items.get(0);
    }
}
