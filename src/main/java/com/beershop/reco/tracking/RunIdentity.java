package com.beershop.reco.tracking;

import com.beershop.reco.evaluation.HoldoutProtocol;
import com.beershop.reco.model.AlgorithmSpec;

import java.time.LocalDateTime;

/**
 * Which run a history row belongs to, and the configuration it ran with.
 *
 * @param protocol how its lists were made and judged (N, the style re-rank, the hold-out kind)
 */
public record RunIdentity(Long jobExecutionId, RunMode runMode, LocalDateTime startedAt, String appVersion,
                          String gitCommit, AlgorithmSpec spec, long seed, HoldoutProtocol protocol) {
}
