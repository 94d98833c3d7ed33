package com.beershop.reco.scoring;

/**
 * How the lists of the model that goes live (trained on all ratings) compare with the lists of the model the gate
 * judged (trained on the hold-out's training part), on the same seeded sample of users the model scores.
 *
 * @param sampledUsers users compared
 * @param meanJaccard mean Jaccard overlap of the two top-N lists per user (1 = the same items)
 * @param publishedItems distinct items in the published model's lists of the sample (catalogue coverage)
 * @param judgedItems distinct items in the judged model's lists of the sample
 * @param publishedFiniteShare share of the sample whose published scores are all finite
 * @param judgedFiniteShare share of the sample whose judged scores are all finite
 */
public record ModelAgreement(int sampledUsers, double meanJaccard, int publishedItems, int judgedItems,
                             double publishedFiniteShare, double judgedFiniteShare) {

    /** The published lists' coverage against the judged lists' (1 when the judged lists hold nothing). */
    public double coverageRatio() {
        return judgedItems == 0 ? 1 : publishedItems / (double) judgedItems;
    }
}
