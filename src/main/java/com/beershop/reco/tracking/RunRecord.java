package com.beershop.reco.tracking;

import java.time.LocalDateTime;

/**
 * One row of the run history, filled in as the run goes: what it trained on, with which parameters, how good it
 * was, what the gate said and whether it published. Fields left null were not reached.
 */
public final class RunRecord {

    public Long id;
    public Long jobExecutionId;
    public String runMode;
    public LocalDateTime startedAt;
    public LocalDateTime endedAt;
    public String appVersion;
    public String algorithm;
    public String params;
    public Long seed;
    public String dataFingerprint;
    public Long ratingsRead;
    public Long ratingsRejected;
    public String rejectedByReason;
    public Long duplicateRatings;
    public Long unrecommendableRatings;
    public Long ratingsUsed;
    public Integer users;
    public Integer products;
    public Integer topN;
    public Integer usersEvaluated;
    public Double precisionAtN;
    public Double recallAtN;
    public Double ndcgAtN;
    public Double mapAtN;
    public Double coverage;
    public Double rmse;
    public Double mae;
    public Double baselineNdcgAtN;
    public Double trainSeconds;
    public Double scoreSeconds;
    public String stepSeconds;
    public Long rowsPublished;
    public String gateVerdict;
    public String gateReason;
    public boolean published;
    public String outcome;
    public String outcomeReason;
    public Integer exitCode;
}
