package com.beershop.reco.delivery;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A sync of rendered resources in ArgoCD's documented order, so tests can say what a sync applies before a failing
 * hook stops it. Ordered by phase, then wave (lower first), then kind, then name; ArgoCD applies one wave, waits
 * for it to be healthy, then the next; a failed hook fails the sync and no later wave is applied
 * (argo-cd.readthedocs.io/en/stable/user-guide/sync-waves/ and .../resource_hooks/; the kind order is
 * gitops-engine's pkg/sync/sync_tasks.go). Pre- and post-sync phases hold hooks only.
 */
final class ArgoCdSync {

    static final String HOOK = "argocd.argoproj.io/hook";
    static final String WAVE = "argocd.argoproj.io/sync-wave";

    private static final List<String> PHASES = List.of("PreSync", "Sync", "PostSync");
    private static final List<String> KIND_ORDER = List.of("Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange",
            "PodSecurityPolicy", "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap",
            "StorageClass", "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding",
            "RoleBindingList", "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
            "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "Ingress", "APIService");

    /** Where a resource falls in a sync: its phase and wave. */
    record Step(int phase, int wave) implements Comparable<Step> {
        @Override
        public int compareTo(Step other) {
            return Comparator.comparingInt(Step::phase).thenComparingInt(Step::wave).compare(this, other);
        }
    }

    /** What a sync applied, in order, and whether it succeeded. */
    record Outcome(List<HasMetadata> applied, boolean succeeded) {
        boolean applied(String kind, String name) {
            return applied.stream().anyMatch(r -> r.getKind().equals(kind) && r.getMetadata().getName().equals(name));
        }
    }

    private ArgoCdSync() {
    }

    static boolean isHook(HasMetadata resource) {
        return annotation(resource, HOOK) != null;
    }

    static Step stepOf(HasMetadata resource) {
        String hook = annotation(resource, HOOK);
        int phase = PHASES.indexOf(hook == null ? "Sync" : hook);
        if (phase < 0) {
            throw new IllegalArgumentException(resource.getMetadata().getName() + ": hook " + hook + " not modelled");
        }
        String wave = annotation(resource, WAVE);
        return new Step(phase, wave == null ? 0 : Integer.parseInt(wave));
    }

    /** Runs the sync; every hook named in {@code failingHooks} fails (its Job ends Failed). */
    static Outcome sync(List<HasMetadata> resources, Set<String> failingHooks) {
        Map<Step, List<HasMetadata>> waves = new TreeMap<>();
        for (HasMetadata resource : resources) {
            waves.computeIfAbsent(stepOf(resource), s -> new ArrayList<>()).add(resource);
        }
        List<HasMetadata> applied = new ArrayList<>();
        for (List<HasMetadata> wave : waves.values()) {
            wave.sort(Comparator.comparingInt(ArgoCdSync::kindRank).thenComparing(r -> r.getMetadata().getName()));
            applied.addAll(wave);
            boolean hookFailed = wave.stream()
                    .anyMatch(r -> isHook(r) && failingHooks.contains(r.getMetadata().getName()));
            if (hookFailed) {
                return new Outcome(applied, false);
            }
        }
        return new Outcome(applied, true);
    }

    private static int kindRank(HasMetadata resource) {
        int rank = KIND_ORDER.indexOf(resource.getKind());
        return rank < 0 ? KIND_ORDER.size() : rank;   // custom resources last
    }

    private static String annotation(HasMetadata resource, String key) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }
}
