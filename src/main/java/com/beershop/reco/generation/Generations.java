package com.beershop.reco.generation;

import com.beershop.reco.publish.StagingRepository;
import com.beershop.reco.tracking.RunHistoryRepository;
import com.beershop.reco.tracking.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The published generations whose rows stay in {@code reco_staging}: the last {@code keep} put live (by a run or a
 * republish), newest first. The run history says which runs published; the staging table holds their rows under
 * their run id. Rows of runs that never published are cleared, and so are generations older than the last
 * {@code keep}, after each successful publish, in a transaction of their own.
 */
public class Generations {

    private static final Logger log = LoggerFactory.getLogger(Generations.class);

    private final RunHistoryRepository history;
    private final StagingRepository staging;
    private final TransactionTemplate ownTransaction;
    private final int keep;

    /**
     * @param ownTransaction a template that starts a new transaction (REQUIRES_NEW), so a prune never rides on, or
     *                       rolls back, the caller's
     */
    public Generations(RunHistoryRepository history, StagingRepository staging, TransactionTemplate ownTransaction,
                       int keep) {
        this.history = history;
        this.staging = staging;
        this.ownTransaction = ownTransaction;
        this.keep = keep;
    }

    public int keep() {
        return keep;
    }

    /**
     * Before run {@code runId} stages: clears its own rows (a restart) and those of every run but the last
     * {@code keep} generations, i.e. leftovers of runs that died before they published.
     *
     * @return rows removed
     */
    public int clearBeforeStaging(long runId) {
        Set<Long> kept = new LinkedHashSet<>(history.liveGenerations(keep));
        kept.remove(runId);
        return staging.clearRunsExcept(kept);
    }

    /**
     * After run {@code runId} published (before its run-history row exists): keeps it and the {@code keep - 1}
     * generations live before it, and deletes the rows of every other run, in a transaction of its own.
     *
     * @return the generations kept, newest first
     */
    public List<Long> pruneAfterPublish(long runId) {
        List<Long> kept = new ArrayList<>(List.of(runId));
        for (long generation : history.liveGenerations(keep)) {
            if (kept.size() < keep && generation != runId) {
                kept.add(generation);
            }
        }
        Integer removed = ownTransaction.execute(status -> staging.clearRunsExcept(kept));
        log.info("Kept the rows of the last {} generation(s) for republish: runs {}; pruned {} staged rows",
                kept.size(), kept, removed);
        return kept;
    }

    /**
     * The generations the run history knows as published, newest live first, with their staged rows: the kept
     * ones and, after them, up to {@code limit} in all.
     */
    public List<Generation> list(int limit) {
        List<Long> ids = history.liveGenerations(limit);
        List<Generation> generations = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            Optional<RunRecord> run = history.publishedRun(id);
            if (run.isPresent()) {
                generations.add(new Generation(id, run.get(), i == 0, staging.countRun(id)));
            }
        }
        return generations;
    }

    /** Generation {@code runId}, if a run published it (its rows may have been pruned since). */
    public Optional<Generation> find(long runId) {
        Optional<RunRecord> run = history.publishedRun(runId);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        List<Long> newest = history.liveGenerations(1);
        boolean live = !newest.isEmpty() && newest.get(0) == runId;
        return Optional.of(new Generation(runId, run.get(), live, staging.countRun(runId)));
    }
}
