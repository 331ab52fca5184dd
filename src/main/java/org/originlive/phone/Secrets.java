package org.originlive.phone;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PINs and verification codes are stored as PBKDF2-HMAC-SHA512 hashes
 * ({@code pbkdf2-sha512$iterations$salt$hash}), computed on a worker thread: never on an event loop.
 */
@ApplicationScoped
class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "pbkdf2-sha512";

    private final Vertx vertx;
    private final int iterations;

    Secrets(Vertx vertx, SmsConfig config) {
        this.vertx = vertx;
        this.iterations = config.hashIterations();
    }

    /** A random code of {@code digits} decimal digits. */
    static String code(int digits) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            code.append(RANDOM.nextInt(10));
        }
        return code.toString();
    }

    Uni<String> hash(String secret) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            Base64.Encoder b64 = Base64.getEncoder();
            return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                    + b64.encodeToString(derive(secret, salt, iterations));
        }));
    }

    /** False for a null hash: nothing matches what was never set. */
    Uni<Boolean> matches(String secret, String stored) {
        if (stored == null || secret == null) {
            return Uni.createFrom().item(false);
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            String[] parts = stored.split("\\$");
            if (parts.length != 4 || !parts[0].equals(PREFIX)) {
                return false;
            }
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] expected = b64.decode(parts[3]);
            byte[] actual = derive(secret, b64.decode(parts[2]), Integer.parseInt(parts[1]));
            return MessageDigest.isEqual(expected, actual);
        }));
    }

    private static byte[] derive(String secret, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
