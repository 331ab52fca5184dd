package org.originlive.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keys: random, at least 128 bits, stored encrypted and bound to their sale, found by hash. */
class StreamKeysTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static StreamKeys keys() {
        byte[] kek = new byte[32];
        RANDOM.nextBytes(kek);
        return new StreamKeys(kek, RANDOM);
    }

    @Test
    void aKeyHasAtLeast128RandomBitsInUrlSafeText() {
        StreamKeys keys = keys();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = keys.newKey();
            assertThat(key).matches("[A-Za-z0-9_-]{32}");
            assertThat(Base64.getUrlDecoder().decode(key)).hasSizeGreaterThanOrEqualTo(16);
            assertThat(StreamKeys.plausible(key)).isTrue();
            assertThat(seen.add(key)).isTrue();
        }
    }

    @Test
    void theStoredFormIsEncryptedAndOpensOnlyForItsSaleAndKek() {
        StreamKeys keys = keys();
        UUID sale = UUID.randomUUID();
        String key = keys.newKey();
        String stored = keys.encrypt(sale, key);
        assertThat(stored).startsWith("v1.").doesNotContain(key);
        assertThat(keys.encrypt(sale, key)).as("a fresh IV each time").isNotEqualTo(stored);
        assertThat(keys.decrypt(sale, stored)).isEqualTo(key);
        assertThatThrownBy(() -> keys.decrypt(UUID.randomUUID(), stored))
                .as("moved to another sale")
                .hasMessageNotContaining(key);
        assertThatThrownBy(() -> keys().decrypt(sale, stored))
                .as("another key-encryption key")
                .hasMessageContaining("key-encryption-key")
                .hasMessageNotContaining(key);
        String tampered = stored.substring(0, stored.length() - 2) + (stored.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> keys.decrypt(sale, tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysAreFoundByTheirHash() {
        String key = keys().newKey();
        assertThat(StreamKeys.hash(key)).hasSize(32).isEqualTo(StreamKeys.hash(key));
        assertThat(StreamKeys.hash(key)).isNotEqualTo(StreamKeys.hash(key + "x"));
    }

    @Test
    void onlyKeyShapedTextIsLookedUp() {
        assertThat(StreamKeys.plausible(null)).isFalse();
        assertThat(StreamKeys.plausible("")).isFalse();
        assertThat(StreamKeys.plausible("a".repeat(31))).isFalse();
        assertThat(StreamKeys.plausible("a".repeat(31) + "/")).isFalse();
        assertThat(StreamKeys.plausible("a".repeat(33))).isFalse();
    }

    @Test
    void secretsCompareWholly() {
        assertThat(StreamKeys.sameSecret("s3cret", "s3cret")).isTrue();
        assertThat(StreamKeys.sameSecret("s3cret", "s3creT")).isFalse();
        assertThat(StreamKeys.sameSecret("s3cret", "s3cret ")).isFalse();
        assertThat(StreamKeys.sameSecret("s3cret", null)).isFalse();
        assertThat(StreamKeys.sameSecret("s3cret", "")).isFalse();
    }

    @Test
    void theKeyEncryptionKeyHas256Bits() {
        assertThatThrownBy(() -> new StreamKeys(new byte[16], RANDOM)).isInstanceOf(IllegalArgumentException.class);
    }
}
