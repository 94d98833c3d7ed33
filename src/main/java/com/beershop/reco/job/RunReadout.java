package com.beershop.reco.job;

import com.beershop.reco.online.ArmFigures;
import com.beershop.reco.online.OnlineJson;
import com.beershop.reco.online.OnlineReadout;
import com.beershop.reco.rollout.RolloutArms;
import com.beershop.reco.tracking.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The run's online readout, measured on a thread of its own while the run evaluates and trains: it only reads (the
 * kept generations' staged rows, the published runs, the ratings of their windows), the staging step writes only
 * tonight's rows and those of runs that died unpublished, and the readout is waited for before the publish step,
 * whose prune removes the oldest kept generation. So every kept generation still has its rows, and the live one is
 * measured up to the evaluation's start. A scan of the ratings per kept generation (about a second each at 10 M
 * ratings without an index on their time) then runs on the database while the job's threads train, instead of
 * before the load or beside the staging's COPY, which it slowed by as much (at L, staging 3.3 s beside it, 2.2 s
 * without). A run that ends before the evaluation (refused, failed) measures when it ends. Written into the
 * run-history row with the run's rollout share, whatever the outcome; a readout that fails costs the readout, never
 * the run.
 */
class RunReadout {

    private static final Logger log = LoggerFactory.getLogger(RunReadout.class);

    private final OnlineReadout readout;
    private final RolloutArms arms;
    private final StageResult<List<ArmFigures>> figures;
    private CompletableFuture<List<ArmFigures>> measuring;
    private boolean finished;

    RunReadout(OnlineReadout readout, RolloutArms arms, StageResult<List<ArmFigures>> figures) {
        this.readout = readout;
        this.arms = arms;
        this.figures = figures;
    }

    /** Forgets the last run's readout: a new run starts. */
    void reset() {
        measuring = null;
        finished = false;
    }

    /** Starts measuring, on a daemon thread of its own; a second call for the same run does nothing. */
    void start() {
        if (measuring != null) {
            return;
        }
        LocalDateTime now = LocalDateTime.now();
        // the run's log context (its job execution id) on the readout's lines too
        Map<String, String> context = MDC.getCopyOfContextMap();
        measuring = CompletableFuture.supplyAsync(() -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            return readout.measure(now);
        }, task -> {
            Thread thread = new Thread(task, "online-readout");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /**
     * Waits for the run's readout (starting it first if it was not) and keeps its figures for the run; once per
     * run, later calls do nothing.
     */
    void finish() {
        if (finished) {
            return;
        }
        start();
        finished = true;
        try {
            figures.set(measuring.join());
        } catch (CompletionException | CancellationException e) {
            log.warn("Online readout not measured: {}", (e.getCause() == null ? e : e.getCause()).toString());
        }
    }

    /** The step listener that starts the readout as a step starts (the evaluation step). */
    StepExecutionListener startsBeforeStep() {
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                start();
            }
        };
    }

    /** The step listener that waits for the readout before a step starts (the publish step, which prunes). */
    StepExecutionListener finishesBeforeStep() {
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                finish();
            }
        };
    }

    RunRecord addTo(RunRecord record) {
        List<ArmFigures> measured = figures.orNull();
        return record.withReadout(arms.share(), measured == null ? null : OnlineJson.write(measured));
    }
}
