package com.beershop.reco.ingest;

import java.util.Map;

/**
 * What the ratings read saw, before any check: known even when the run refuses its input afterwards.
 *
 * @param fingerprint order-independent hash of the accepted rows (see {@link DataFingerprint})
 */
public record RatingsRead(long read, long rejected, Map<RejectReason, Long> rejectedByReason, String fingerprint) {

    public RatingsRead {
        rejectedByReason = Map.copyOf(rejectedByReason);
    }

    public long accepted() {
        return read - rejected;
    }

    public double rejectedShare() {
        return read == 0 ? 0 : rejected / (double) read;
    }
}
