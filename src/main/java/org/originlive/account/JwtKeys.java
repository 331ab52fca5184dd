package org.originlive.account;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The keys that sign and verify access tokens, read once at start-up from the settings that
 * Kubernetes passes ({@code SMALLRYE_JWT_SIGN_KEY_LOCATION}, {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION},
 * their {@code -D} forms, or the inline {@code smallrye.jwt.sign.key} / {@code mp.jwt.verify.publickey}).
 *
 * <p>A runtime bean, not a config source: a config source also runs inside the build, which
 * recorded a build-time key pair into the jar's defaults, where it shadowed the mounted keys.
 * With nothing configured, {@code dev}, {@code test} and {@code demo} sign with a pair made at
 * start-up; {@code prod} refuses to start unless the operator opts in with
 * {@code ORIGINLIVE_JWT_EPHEMERAL_KEYS=true}.
 */
@Startup
@Singleton
public class JwtKeys {

    static final String SIGN_KEY_LOCATION = "smallrye.jwt.sign.key.location";
    static final String SIGN_KEY = "smallrye.jwt.sign.key";
    static final String SIGN_KEY_ID = "smallrye.jwt.sign.key.id";
    static final String VERIFY_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String VERIFY_KEY = "mp.jwt.verify.publickey";
    /** The operator's opt-in to start-up keys outside dev, test and demo; nothing else sets it. */
    static final String OPERATOR_OPT_IN = "originlive.jwt.ephemeral-keys";

    private static final Set<String> KEYLESS_PROFILES = Set.of("dev", "test", "demo");

    private final PrivateKey signingKey;
    private final String keyId;
    private final String verificationKeys;

    JwtKeys(Config config) {
        Optional<String> sign = source(config, SIGN_KEY_LOCATION, SIGN_KEY);
        Optional<String> verify = source(config, VERIFY_KEY_LOCATION, VERIFY_KEY);
        if (sign.isEmpty() && verify.isEmpty()) {
            refuseUnlessAllowed(config);
            KeyPair pair = generate();
            this.signingKey = pair.getPrivate();
            this.keyId = thumbprint(pair.getPublic());
            this.verificationKeys = pem(pair.getPublic());
            return;
        }
        if (sign.isEmpty() || verify.isEmpty()) {
            throw new IllegalStateException("JWT keys half configured: set both " + env(SIGN_KEY_LOCATION) + " and "
                    + env(VERIFY_KEY_LOCATION) + " (missing: "
                    + env(sign.isEmpty() ? SIGN_KEY_LOCATION : VERIFY_KEY_LOCATION) + ")");
        }
        this.signingKey = privateKey(sign.get());
        PublicKey signingPublic = publicPart(signingKey);
        this.keyId = config.getOptionalValue(SIGN_KEY_ID, String.class).orElseGet(() -> thumbprint(signingPublic));
        this.verificationKeys = verify.get();
        requireVerifiable(signingPublic);
        Log.infof("JWT keys loaded: signing with kid %s", keyId);
    }

    /** The private key that signs access tokens. */
    PrivateKey signingKey() {
        return signingKey;
    }

    /** The {@code kid} header of every access token. */
    String keyId() {
        return keyId;
    }

    /** The public keys that verify tokens, as a PEM key or a JWKS document. */
    String verificationKeys() {
        return verificationKeys;
    }

    private static void refuseUnlessAllowed(Config config) {
        List<String> profiles = config.unwrap(SmallRyeConfig.class).getProfiles();
        if (profiles.stream().anyMatch(KEYLESS_PROFILES::contains)) {
            Log.info("No JWT keys configured: signing with a key pair made at start-up (dev, test and demo only).");
            return;
        }
        if (config.getOptionalValue(OPERATOR_OPT_IN, Boolean.class).orElse(false)) {
            Log.warn("ORIGINLIVE_JWT_EPHEMERAL_KEYS=true: signing with a key pair made at start-up. Tokens end with"
                    + " this process and other replicas reject them: a one-replica trial only.");
            return;
        }
        throw new IllegalStateException("No JWT keys configured: set " + env(SIGN_KEY_LOCATION) + " (PKCS#8 PEM private"
                + " key) and " + env(VERIFY_KEY_LOCATION)
                + " (PEM public key or JWKS), or ORIGINLIVE_JWT_EPHEMERAL_KEYS=true"
                + " for a one-replica trial. See docs/operations.md.");
    }

    /** Fails start-up when no verification key matches the signing key: every token would be refused. */
    private void requireVerifiable(PublicKey signingPublic) {
        List<JsonWebKey> set = jwks(verificationKeys);
        if (set == null) {
            if (!sameKey(decodePublic(verificationKeys), signingPublic)) {
                throw new IllegalStateException(
                        env(VERIFY_KEY_LOCATION) + " does not hold the public key of " + env(SIGN_KEY_LOCATION));
            }
            return;
        }
        boolean found = set.stream()
                .filter(k -> keyId.equals(k.getKeyId()))
                .anyMatch(k -> k instanceof PublicJsonWebKey pk && sameKey(pk.getPublicKey(), signingPublic));
        if (!found) {
            throw new IllegalStateException("The JWKS in " + env(VERIFY_KEY_LOCATION) + " has no key with kid " + keyId
                    + " matching " + env(SIGN_KEY_LOCATION) + " (a JWK's kid is its RFC 7638 thumbprint, or "
                    + env(SIGN_KEY_ID) + ")");
        }
    }

    /** The key text from the location setting, else from the inline one; Quarkus' NONE means unset. */
    private static Optional<String> source(Config config, String location, String inline) {
        Optional<String> path = config.getOptionalValue(location, String.class).filter(JwtKeys::set);
        if (path.isPresent()) {
            try {
                return Optional.of(KeyUtils.readKeyContent(path.get()));
            } catch (IOException e) {
                throw new IllegalStateException(env(location) + " names " + path.get() + ", which cannot be read", e);
            }
        }
        return config.getOptionalValue(inline, String.class).filter(JwtKeys::set);
    }

    private static boolean set(String value) {
        return !value.isBlank() && !"NONE".equals(value);
    }

    static String env(String key) {
        return key.toUpperCase().replace('.', '_').replace('-', '_');
    }

    private static List<JsonWebKey> jwks(String content) {
        return content.trim().startsWith("{") ? KeyUtils.loadJsonWebKeys(content) : null;
    }

    private static PrivateKey privateKey(String pem) {
        try {
            return KeyUtils.decodePrivateKey(pem);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException(env(SIGN_KEY_LOCATION) + " does not hold a PKCS#8 PEM RSA private key", e);
        }
    }

    private static PublicKey decodePublic(String pem) {
        try {
            return KeyUtils.decodePublicKey(pem);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException(env(VERIFY_KEY_LOCATION) + " holds neither a PEM public key nor a JWKS", e);
        }
    }

    private static PublicKey publicPart(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw new IllegalStateException(env(SIGN_KEY_LOCATION) + " must be an RSA key (RS256)");
        }
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static boolean sameKey(PublicKey a, PublicKey b) {
        return Arrays.equals(a.getEncoded(), b.getEncoded());
    }

    /** RFC 7638: the SHA-256 thumbprint of the public key's JWK, base64url. */
    static String thumbprint(PublicKey key) {
        return new RsaJsonWebKey((RSAPublicKey) key).calculateBase64urlEncodedThumbprint("SHA-256");
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static String pem(PublicKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----";
    }
}
