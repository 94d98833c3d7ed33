package com.beershop.reco.rollout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Puts each user in the model or the control arm by a hash that any language can recompute: the first 8 bytes of
 * SHA-256 over the UTF-8 bytes of {@code salt + "\0" + userId}, read big-endian as an unsigned 64-bit integer and
 * divided by 2^64, give the user's fraction in [0, 1). A user is in the model arm when the fraction is below
 * {@code reco.publish.rollout-share}. The same user keeps the same fraction on every night and in every JVM, so
 * raising the share only adds users to the model arm; changing the salt draws new arms.
 *
 * <p>Python: {@code int.from_bytes(hashlib.sha256((salt + "\0" + user_id).encode()).digest()[:8], "big") / 2**64}.
 */
public final class RolloutArms {

    private static final double TWO_TO_THE_64 = 0x1p64;

    private final double share;
    private final String salt;

    /**
     * @param share the model arm's share of users, 0 to 1
     * @param salt  mixed into the hash; a new salt draws new arms
     */
    public RolloutArms(double share, String salt) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("reco.publish.rollout-share must lie in [0, 1], got " + share);
        }
        this.share = share;
        this.salt = salt == null ? "" : salt;
    }

    public double share() {
        return share;
    }

    /** Every user is in the model arm: the publish replaces the whole table, as before the rollout existed. */
    public boolean everybodyModel() {
        return share >= 1;
    }

    public Arm arm(String userId) {
        return everybodyModel() || fraction(salt, userId) < share ? Arm.MODEL : Arm.CONTROL;
    }

    /** The user's place in [0, 1): the first 8 bytes of SHA-256(salt, NUL, user id) as an unsigned fraction. */
    public static double fraction(String salt, String userId) {
        byte[] digest = sha256().digest((salt + '\0' + userId).getBytes(StandardCharsets.UTF_8));
        long high = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (digest[i] & 0xFF);
        }
        // unsigned: the top bit carries 2^63, which a signed long would read as negative
        double unsigned = (high >>> 1) * 2.0 + (high & 1);
        return unsigned / TWO_TO_THE_64;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
