package org.originlive.account;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.common.MapBackedConfigSource;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * When no signing key is configured, signs with a key pair made at start-up, so a fresh machine
 * runs without secrets. Such tokens die with the process and other replicas reject them; real
 * deployments mount keys ({@code SMALLRYE_JWT_SIGN_KEY_LOCATION},
 * {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}), see docs/operations.md. Active only when no key is
 * configured, so its high ordinal overrides nothing but placeholders.
 */
public class JwtKeys implements ConfigSourceFactory {

    static final String EPHEMERAL_FLAG = "originlive.jwt.ephemeral-keys";

    private static final List<String> CONFIGURED_KEYS = List.of(
            "smallrye.jwt.sign.key.location",
            "smallrye.jwt.sign.key",
            "mp.jwt.verify.publickey.location",
            "mp.jwt.verify.publickey");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        for (String key : CONFIGURED_KEYS) {
            var value = context.getValue(key);
            // Quarkus' test launcher passes NONE for keys nobody configured.
            if (value != null && value.getValue() != null && !"NONE".equals(value.getValue())) {
                return List.of();
            }
        }
        KeyPair pair = EphemeralPair.PAIR;
        Map<String, String> values = Map.of(
                "smallrye.jwt.sign.key",
                pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                "mp.jwt.verify.publickey",
                pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                EPHEMERAL_FLAG,
                "true");
        return List.of(new MapBackedConfigSource("originlive-ephemeral-jwt-keys", values, 500) {});
    }

    /** One pair per process, however often the configuration is built. */
    private static final class EphemeralPair {
        static final KeyPair PAIR = generate();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----";
    }
}
