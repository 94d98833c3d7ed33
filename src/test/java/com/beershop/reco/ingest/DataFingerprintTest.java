package com.beershop.reco.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest
    @CsvSource({
        "alice, ipa, 5",
        "'', x, 0",
        "user-0000000000000123456789, product-with-a-long-id-0001, 4.5",
        "bj\u00f6rn, k\u00f6lsch, 3",
        "\u00e9mile, \u9152-1, 2.5",
        "\ud83c\udf7a-lover, stout, -1",
        "broken-\ud800, porter, 1",
    })
    void shouldHashEachRowAsTheHasherFedFieldByFieldDid(String user, String product, float rating) {
        // given: the first version's formula, fed to Guava's hasher one field at a time
        long streamed = Hashing.murmur3_128(20261126).newHasher()
                .putString(user, StandardCharsets.UTF_8).putChar((char) 0)
                .putString(product, StandardCharsets.UTF_8).putChar((char) 0)
                .putFloat(rating)
                .hash().asLong();
        DataFingerprint fingerprint = new DataFingerprint();

        // when
        fingerprint.add(user, product, rating);

        // then: ASCII, two- to four-byte UTF-8, an unpaired surrogate and ids longer than one 16-byte block alike
        assertThat(fingerprint.value()).isEqualTo(String.format("1:%016x", streamed));
    }

    @Test
    void shouldHashRowsOfEveryLengthAsGuavasMurmur3Did() {
        // given: ids of 0 to 40 ASCII bytes, so rows end at every offset of a 16-byte block, in one to four blocks
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int userLength = 0; userLength <= 40; userLength++) {
            byte[] source = new byte[userLength + 5];
            for (int i = 0; i < source.length; i++) {
                source[i] = (byte) (' ' + random.nextInt(95));
            }
            float rating = (float) random.nextDouble(-5, 5);
            byte[] row = new byte[source.length + 8];
            System.arraycopy(source, 0, row, 0, userLength);
            System.arraycopy(source, userLength, row, userLength + 2, 5);
            int bits = Float.floatToRawIntBits(rating);
            for (int b = 0; b < 4; b++) {
                row[source.length + 4 + b] = (byte) (bits >>> (8 * b));
            }
            long guava = Hashing.murmur3_128(20261126).hashBytes(row).asLong();
            DataFingerprint fingerprint = new DataFingerprint();

            // when
            fingerprint.addAscii(source, 0, userLength, userLength, source.length, rating);

            // then
            assertThat(fingerprint.value()).as("a user id of %d bytes", userLength)
                    .isEqualTo(String.format("1:%016x", guava));
        }
    }
}
