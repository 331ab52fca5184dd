package org.originlive.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * Key pairs made in the test, written as an operator mounts them: a PKCS#8 PEM private key, a PEM
 * public key and a JWKS. The packaged-jar tests pass their locations, never a key of the repo's.
 */
public final class TestKeys {

    /** The pair every packaged replica of this test run shares, as one Kubernetes Secret. */
    private static final TestKeys SHARED = writeTo(Path.of("target", "it-keys", "shared"));

    public final KeyPair pair;
    public final Path privatePem;
    public final Path publicPem;
    public final Path jwks;

    private TestKeys(KeyPair pair, Path dir) {
        this.pair = pair;
        this.privatePem = dir.resolve("private.pem").toAbsolutePath();
        this.publicPem = dir.resolve("public.pem").toAbsolutePath();
        this.jwks = dir.resolve("jwks.json").toAbsolutePath();
    }

    public static TestKeys shared() {
        return SHARED;
    }

    /** A new pair, written to {@code dir} (private.pem, public.pem, and jwks.json holding just it). */
    public static TestKeys writeTo(Path dir) {
        TestKeys keys = new TestKeys(generate(), dir);
        try {
            Files.createDirectories(dir);
            Files.writeString(
                    keys.privatePem, pem("PRIVATE KEY", keys.pair.getPrivate().getEncoded()));
            Files.writeString(
                    keys.publicPem, pem("PUBLIC KEY", keys.pair.getPublic().getEncoded()));
            Files.writeString(keys.jwks, jwks(List.of(keys)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** The key that signs links in emails, shared by every replica of a run (prod needs one). */
    public static final String LINK_KEY = "SVQtT05MWSBlbWFpbCBsaW5rIGtleSwgbm90IGEgc2VjcmV0";

    /** The key that encrypts webhook secrets at rest, shared by every replica of a run (prod needs one). */
    public static final String WEBHOOK_KEY = "SVQtT05MWSB3ZWJob29rIHNlY3JldHMga2V5IDMyQiE=";

    /** The environment a pod gets from the ConfigMap and the mounted Secret (with the run's VAPID pair). */
    public Map<String, String> env() {
        return Map.of(
                "SMALLRYE_JWT_SIGN_KEY_LOCATION",
                privatePem.toString(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                publicPem.toString(),
                "ORIGINLIVE_NOTIFY_LINK_KEY",
                LINK_KEY,
                "ORIGINLIVE_PUSH_VAPID_PUBLIC_KEY",
                VAPID[0],
                "ORIGINLIVE_PUSH_VAPID_PRIVATE_KEY",
                VAPID[1],
                "ORIGINLIVE_WEBHOOKS_KEY_ENCRYPTION_KEY",
                WEBHOOK_KEY);
    }

    /** The same settings in their {@code -D} form. */
    public Map<String, String> properties() {
        return Map.of(
                "smallrye.jwt.sign.key.location",
                privatePem.toString(),
                "mp.jwt.verify.publickey.location",
                publicPem.toString(),
                "originlive.notify.link-key",
                LINK_KEY,
                "originlive.push.vapid-public-key",
                VAPID[0],
                "originlive.push.vapid-private-key",
                VAPID[1],
                "originlive.webhooks.key-encryption-key",
                WEBHOOK_KEY);
    }

    /** The run's Web Push VAPID pair (prod needs one): base64url public point (65 bytes) and scalar (32). */
    public static final String[] VAPID = vapid();

    private static String[] vapid() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            var point = ((java.security.interfaces.ECPublicKey) pair.getPublic()).getW();
            byte[] raw = new byte[65];
            raw[0] = 4;
            fixed(point.getAffineX(), raw, 1);
            fixed(point.getAffineY(), raw, 33);
            byte[] scalar = new byte[32];
            fixed(((java.security.interfaces.ECPrivateKey) pair.getPrivate()).getS(), scalar, 0);
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return new String[] {b64.encodeToString(raw), b64.encodeToString(scalar)};
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fixed(java.math.BigInteger value, byte[] out, int at) {
        byte[] b = value.toByteArray();
        int n = Math.min(32, b.length);
        System.arraycopy(b, b.length - n, out, at + 32 - n, n);
    }

    /** The RFC 7638 thumbprint, which the app uses as {@code kid} unless told otherwise. */
    public String thumbprint() {
        return jwk().getKeyId();
    }

    /** A JWKS document of the given keys' public halves, each with its thumbprint as kid. */
    public static String jwks(List<TestKeys> keys) {
        return new JsonWebKeySet(keys.stream().map(TestKeys::jwk).toList())
                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private RsaJsonWebKey jwk() {
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
        jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
        jwk.setAlgorithm("RS256");
        jwk.setUse("sig");
        return jwk;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
