package com.beershop.reco.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The fingerprint names a night's data in the run history and in {@code reco.gate.override}: the same rows must give
 * the same value in every version of the job, or an override written before an upgrade would name nothing.
 */
class DataFingerprintTest {

    @Test
    void shouldGiveTheSameRowsTheSameFingerprintInEveryVersion() {
        DataFingerprint fingerprint = new DataFingerprint();
        fingerprint.add("alice", "ipa", 5f);
        fingerprint.add("bob", "stout", 3.5f);

        // the sum of the first 64 bits of MurmurHash3 x64 128 (seed 20261126) of each row's bytes: user id in UTF-8,
        // two zero bytes, product id, two zero bytes, the rating's float bits little-endian; checked against an
        // independent implementation of the published algorithm
        assertThat(fingerprint.value()).isEqualTo("2:12bc1bee94359c4f");
    }

    @Test
    void shouldCombineTwoReadersFingerprintsIntoTheFingerprintOfAllTheirRows() {
        DataFingerprint all = new DataFingerprint();
        all.add("alice", "ipa", 5f);
        all.add("bob", "stout", 3.5f);
        DataFingerprint first = new DataFingerprint();
        first.add("bob", "stout", 3.5f);
        DataFingerprint second = new DataFingerprint();
        second.add("alice", "ipa", 5f);

        first.add(second);

        assertThat(first.value()).isEqualTo(all.value());
        assertThat(new DataFingerprint().value()).isEqualTo("0:0000000000000000");
    }
}
