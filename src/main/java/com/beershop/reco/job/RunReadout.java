package com.beershop.reco.job;

import com.beershop.reco.online.ArmFigures;
import com.beershop.reco.online.OnlineJson;
import com.beershop.reco.online.OnlineReadout;
import com.beershop.reco.rollout.RolloutArms;
import com.beershop.reco.tracking.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The run's online readout: measured when the run starts, before this run prunes or publishes anything, so every
 * kept generation still has its rows and the live one is measured up to now; written into the run-history row with
 * the run's rollout share, whatever the outcome. A readout that fails costs the readout, never the run.
 */
class RunReadout {

    private static final Logger log = LoggerFactory.getLogger(RunReadout.class);

    private final OnlineReadout readout;
    private final RolloutArms arms;
    private final StageResult<List<ArmFigures>> figures;

    RunReadout(OnlineReadout readout, RolloutArms arms, StageResult<List<ArmFigures>> figures) {
        this.readout = readout;
        this.arms = arms;
        this.figures = figures;
    }

    void measure() {
        try {
            figures.set(readout.measure(LocalDateTime.now()));
        } catch (RuntimeException e) {
            log.warn("Online readout not measured: {}", e.toString());
        }
    }

    RunRecord addTo(RunRecord record) {
        List<ArmFigures> measured = figures.orNull();
        return record.withReadout(arms.share(), measured == null ? null : OnlineJson.write(measured));
    }
}
