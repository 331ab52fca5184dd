package org.originlive.push;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;

/**
 * The application server's VAPID key pair (RFC 8292), read once at start-up. Every replica must
 * have the same pair: browsers subscribed with its public key, and push services refuse a
 * message signed with another. {@code prod} refuses to start without both halves or with halves
 * that do not belong together; other profiles fall back to a pair made at start-up.
 */
@Startup
@Singleton
public class VapidKeys {

    static final String PUBLIC_SETTING = "originlive.push.vapid-public-key (ORIGINLIVE_PUSH_VAPID_PUBLIC_KEY)";
    static final String PRIVATE_SETTING = "originlive.push.vapid-private-key (ORIGINLIVE_PUSH_VAPID_PRIVATE_KEY)";

    /** RFC 8292 allows at most 24 hours; half leaves room for a push service's clock. */
    private static final Duration JWT_LIFETIME = Duration.ofHours(12);

    private final KeyPair pair;
    private final String publicKey;
    private final String subject;

    @Inject
    VapidKeys(PushConfig config) {
        this(config, ConfigUtils.getProfiles().contains("prod"));
    }

    VapidKeys(PushConfig config, boolean prod) {
        this.subject = config.vapidSubject();
        if (!subject.startsWith("mailto:") && !subject.startsWith("https:")) {
            throw new IllegalStateException("originlive.push.vapid-subject (ORIGINLIVE_PUSH_VAPID_SUBJECT) must be a"
                    + " mailto: or https: URI, not " + subject);
        }
        if (config.vapidPublicKey().isEmpty() || config.vapidPrivateKey().isEmpty()) {
            if (prod) {
                throw new IllegalStateException(
                        "Web Push needs " + PUBLIC_SETTING + " and " + PRIVATE_SETTING
                                + ": the same pair on every replica, base64url as `npx web-push generate-vapid-keys` prints it");
            }
            Log.warn("No VAPID keys configured: Web Push signs with a pair made at start-up (subscriptions break"
                    + " on restart); set " + PUBLIC_SETTING + " and " + PRIVATE_SETTING);
            this.pair = generate();
        } else {
            this.pair = configured(
                    config.vapidPublicKey().get(), config.vapidPrivateKey().get());
        }
        this.publicKey = P256.base64url(P256.encode((ECPublicKey) pair.getPublic()));
    }

    /** The base64url public key: the page's applicationServerKey and the header's {@code k=}. */
    public String publicKey() {
        return publicKey;
    }

    /** {@code vapid t=<ES256 JWT for the endpoint's origin>, k=<public key>} (RFC 8292 section 3). */
    String authorization(URI endpoint, Instant now) {
        String scheme = endpoint.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = endpoint.getPort();
        boolean defaultPort = port == -1 || port == (scheme.equals("https") ? 443 : 80);
        String audience = scheme + "://" + endpoint.getHost().toLowerCase(java.util.Locale.ROOT)
                + (defaultPort ? "" : ":" + port);
        String header = encode("{\"typ\":\"JWT\",\"alg\":\"ES256\"}");
        String claims = encode("{\"aud\":\"" + audience + "\",\"exp\":"
                + now.plus(JWT_LIFETIME).getEpochSecond() + ",\"sub\":\""
                + subject.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        String signingInput = header + "." + claims;
        return "vapid t=" + signingInput + "." + P256.base64url(sign(pair, signingInput)) + ", k=" + publicKey;
    }

    /** A fresh pair for one message's ECDH. */
    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(P256.CURVE);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is part of every JDK", e);
        }
    }

    private static KeyPair configured(String publicText, String privateText) {
        ECPublicKey publicKey;
        ECPrivateKey privateKey;
        try {
            publicKey = P256.publicKey(P256.base64url(publicText));
            privateKey = P256.privateKey(P256.base64url(privateText));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Unreadable VAPID key (" + e.getMessage() + "): " + PUBLIC_SETTING
                    + " is base64url of 65 bytes, " + PRIVATE_SETTING + " of 32");
        }
        KeyPair pair = new KeyPair(publicKey, privateKey);
        byte[] probe = "origin-live vapid pair check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (!verifier.verify(sign(pair, new String(probe, StandardCharsets.US_ASCII)))) {
                throw new IllegalStateException("VAPID keys do not match: " + PRIVATE_SETTING
                        + " is not the private half of " + PUBLIC_SETTING);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("VAPID keys unusable: " + e.getMessage(), e);
        }
        return pair;
    }

    /** ES256 as JWS wants it: the raw 64-byte R || S, not DER. */
    private static byte[] sign(KeyPair pair, String input) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(pair.getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 is part of every JDK", e);
        }
    }

    private static String encode(String json) {
        return P256.base64url(json.getBytes(StandardCharsets.UTF_8));
    }

    KeyPair pair() {
        return pair;
    }
}
