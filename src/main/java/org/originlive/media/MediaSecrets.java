package org.originlive.media;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that encrypts stream keys and the secret of the engine's callbacks. In {@code prod}
 * with an external engine both must be configured (start-up fails naming the setting); otherwise
 * a missing key-encryption key is made once and kept in the media folder (readable by its owner
 * only; a warning says so) and a local engine gets a random callback secret per process.
 */
@Startup
@ApplicationScoped
public class MediaSecrets {

    static final String KEK_SETTING = "originlive.media.key-encryption-key (ORIGINLIVE_MEDIA_KEY_ENCRYPTION_KEY)";
    static final String SECRET_SETTING = "originlive.media.hook-secret (ORIGINLIVE_MEDIA_HOOK_SECRET)";

    private final SecureRandom random = new SecureRandom();
    private final StreamKeys keys;
    private final String hookSecret;
    private final byte[] viewerKey;

    MediaSecrets(MediaConfig config) {
        boolean external = !config.local() && config.ingestUrl().isPresent();
        boolean prod = ConfigUtils.getProfiles().contains("prod");
        if (prod && external && config.keyEncryptionKey().isEmpty()) {
            throw new IllegalStateException(
                    "An external media engine needs " + KEK_SETTING + ": base64 of 32 random bytes");
        }
        if (prod && external && config.hookSecret().isEmpty()) {
            throw new IllegalStateException("An external media engine needs " + SECRET_SETTING);
        }
        byte[] kek = config.keyEncryptionKey()
                .map(MediaSecrets::decode)
                .orElseGet(() -> kept(Path.of(config.dir(), "key-encryption-key")));
        this.keys = new StreamKeys(kek, random);
        this.viewerKey = derived(kek, "origin-live replay viewers");
        this.hookSecret = config.hookSecret().orElseGet(() -> token(32));
    }

    StreamKeys keys() {
        return keys;
    }

    /**
     * A replay viewer as 16 bytes nobody can turn back into the viewer: HMAC-SHA256 under a key
     * derived from the key-encryption key (the same on every replica), of the sale, the hour and
     * the viewer.
     */
    byte[] viewerHash(java.util.UUID saleId, java.time.Instant hour, String viewer) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(viewerKey, "HmacSHA256"));
            byte[] full =
                    mac.doFinal((saleId + "|" + hour.getEpochSecond() + "|" + viewer).getBytes(StandardCharsets.UTF_8));
            return java.util.Arrays.copyOf(full, 16);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    String hookSecret() {
        return hookSecret;
    }

    /** Random base64url text of {@code bytes} random bytes. */
    String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] derived(byte[] kek, String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(kek, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] decode(String configured) {
        String text = configured.trim();
        byte[] kek;
        try {
            kek = text.contains("-") || text.contains("_")
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEK_SETTING + " is not base64");
        }
        if (kek.length != StreamKeys.KEK_BYTES) {
            throw new IllegalStateException(KEK_SETTING + " must be " + StreamKeys.KEK_BYTES + " bytes, not "
                    + kek.length + " (e.g. openssl rand -base64 32)");
        }
        return kek;
    }

    /** A key kept in the project-local data folder, made on first use: for dev, demo and tests only. */
    private byte[] kept(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII));
            }
            Files.createDirectories(file.getParent());
            byte[] kek = new byte[StreamKeys.KEK_BYTES];
            random.nextBytes(kek);
            Path made = Files.createTempFile(
                    file.getParent(),
                    "kek",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(made, Base64.getEncoder().encodeToString(kek), StandardCharsets.US_ASCII);
            try {
                // A link fails if the file exists: of two replicas starting together, one key wins.
                Files.createLink(file, made);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII));
            } finally {
                Files.deleteIfExists(made);
            }
            Log.warnf(
                    "No %s configured: stream keys are encrypted with a key made now and kept in %s."
                            + " Configure one in production.",
                    KEK_SETTING, file.toAbsolutePath());
            return kek;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the stream keys' encryption key in " + file, e);
        }
    }
}
