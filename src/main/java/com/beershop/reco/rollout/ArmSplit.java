package com.beershop.reco.rollout;

import com.beershop.reco.model.IdDictionary;
import com.beershop.reco.scoring.RecommendationLists;

/**
 * Tonight's scored users split into the two arms: which user's list the publish puts live (the model arm), and how
 * many rows and users that is. Each user's arm is hashed once here and read by the guards and the staging.
 */
public final class ArmSplit {

    private final boolean[] model;
    private final long modelRows;
    private final long modelUsersServed;
    private final double share;

    private ArmSplit(boolean[] model, long modelRows, long modelUsersServed, double share) {
        this.model = model;
        this.modelRows = modelRows;
        this.modelUsersServed = modelUsersServed;
        this.share = share;
    }

    /** @param users the ids of the lists' user indexes */
    public static ArmSplit of(RecommendationLists lists, IdDictionary users, RolloutArms arms) {
        boolean[] model = new boolean[lists.numUsers()];
        long rows = 0;
        long served = 0;
        for (int u = 0; u < model.length; u++) {
            model[u] = arms.arm(users.idAt(u)) == Arm.MODEL;
            if (model[u] && lists.count(u) > 0) {
                rows += lists.count(u);
                served++;
            }
        }
        return new ArmSplit(model, rows, served, arms.share());
    }

    public boolean inModelArm(int user) {
        return model[user];
    }

    /** Rows of the model arm's lists: what the publish takes from tonight's model. */
    public long modelRows() {
        return modelRows;
    }

    /** Users of the model arm with a list. */
    public long modelUsersServed() {
        return modelUsersServed;
    }

    /** Share 0: no model list goes live, so nothing of the model has to pass the gate or the guards. */
    public boolean noModelArm() {
        return share <= 0;
    }
}
