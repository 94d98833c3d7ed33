package com.beershop.reco;

import com.beershop.reco.model.ials.ImplicitAlsTrainer;
import com.beershop.reco.scoring.TopNSelector;
import com.beershop.reco.tracking.RunMode;

import java.util.Set;

/**
 * Compiles the training's and the scoring's hot loops while Spring starts, on a daemon thread: the vector loops run
 * far slower until the JIT has compiled them. On two cores it slows Spring's start by about as much as it saves in
 * the first iteration (docs/performance.md). Only in the modes that train and score; the others never run these
 * loops.
 */
final class JitWarmUp {

    private static final Set<RunMode> TRAINING_MODES = Set.of(RunMode.RUN, RunMode.REHEARSE, RunMode.EVALUATE,
            RunMode.SELECT);

    private JitWarmUp() {
    }

    static void startFor(RunMode mode) {
        if (!TRAINING_MODES.contains(mode)) {
            return;
        }
        Thread thread = new Thread(() -> {
            ImplicitAlsTrainer.warmUp();
            TopNSelector.warmUp();
        }, "jit-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }
}
