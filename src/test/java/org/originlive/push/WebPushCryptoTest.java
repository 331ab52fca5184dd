package org.originlive.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** The encryption against RFC 8291's own example, and the VAPID keys and header (no network). */
class WebPushCryptoTest {

    // RFC 8291 Appendix A.
    static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    static final String AS_PUBLIC =
            "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    static final String UA_PUBLIC =
            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    static final String BODY =
            "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmY"
                    + "WAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qu"
                    + "lcy4a-fN";

    static final String DEV_PUBLIC =
            "BK7sL8AoHCaYq4vaNJ96hOedBtW8TON4HVedcc-ETxtLOgSdVF2Fxhp-GBoLkHn2uwXpL-oXnRMLQEY57ZzEAFg";
    static final String DEV_PRIVATE = "YU3DS8hZaFlZc5COZq7nscM4sFSV9ykml_O92Iy9MZs";

    @Test
    void encryptionReproducesTheRfcExample() {
        KeyPair as = new KeyPair(
                P256.publicKey(PushService.unb64(AS_PUBLIC)), P256.privateKey(PushService.unb64(AS_PRIVATE)));
        byte[] body = Aes128gcm.encrypt(
                PLAINTEXT.getBytes(StandardCharsets.UTF_8),
                P256.publicKey(PushService.unb64(UA_PUBLIC)),
                PushService.unb64(AUTH),
                as,
                PushService.unb64(SALT));
        assertThat(PushService.b64(body)).isEqualTo(BODY);
    }

    @Test
    void theTestPushServiceDecryptsTheRfcExample() throws Exception {
        KeyPair ua = pair(UA_PUBLIC, UA_PRIVATE);
        byte[] plain = PushService.decrypt(PushService.unb64(BODY), ua, PushService.unb64(AUTH));
        assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
    }

    @Test
    void eachMessageHasItsOwnKeyAndSaltAndAnyBrowserKeyRoundTrips() throws Exception {
        KeyPair ua = PushService.generate();
        byte[] auth = Arrays.copyOf(PushService.unb64(AUTH), 16);
        byte[] text = "{\"title\":\"Live now\"}".getBytes(StandardCharsets.UTF_8);
        java.security.interfaces.ECPublicKey browser =
                P256.publicKey(PushService.raw((java.security.interfaces.ECPublicKey) ua.getPublic()));
        byte[] one = Aes128gcm.encrypt(text, browser, auth, VapidKeys.generate(), new byte[16]);
        byte[] two = Aes128gcm.encrypt(text, browser, auth, VapidKeys.generate(), new byte[16]);
        assertThat(one).isNotEqualTo(two);
        assertThat(PushService.decrypt(one, ua, auth)).isEqualTo(text);
        assertThat(PushService.decrypt(two, ua, auth)).isEqualTo(text);
        assertThatThrownBy(() -> Aes128gcm.encrypt(new byte[3994], browser, auth, VapidKeys.generate(), new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyPointsOnTheCurveAreKeys() {
        byte[] point = PushService.unb64(UA_PUBLIC);
        assertThat(P256.encode(P256.publicKey(point))).isEqualTo(point);
        byte[] off = point.clone();
        off[64] ^= 1;
        assertThatThrownBy(() -> P256.publicKey(off)).hasMessageContaining("not a point on P-256");
        byte[] compressed = Arrays.copyOf(point, 33);
        compressed[0] = 2;
        assertThatThrownBy(() -> P256.publicKey(compressed)).hasMessageContaining("65-byte");
        assertThatThrownBy(() -> P256.privateKey(new byte[32])).hasMessageContaining("scalar");
    }

    @Test
    void theVapidHeaderVerifiesForTheEndpointsOrigin() throws Exception {
        VapidKeys keys = new VapidKeys(config(DEV_PUBLIC, DEV_PRIVATE, "mailto:ops@example.org"), true);
        Instant now = Instant.now();
        String header = keys.authorization(URI.create("https://push.example.net:8443/wpush/v2/abc?x=1"), now);
        assertThat(header).startsWith("vapid t=").endsWith(", k=" + DEV_PUBLIC);
        String jwt = header.substring("vapid t=".length(), header.indexOf(','));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "ES256"));
        jws.setCompactSerialization(jwt);
        jws.setKey(PushService.publicKey(PushService.unb64(DEV_PUBLIC)));
        assertThat(jws.verifySignature()).isTrue();
        JwtClaims claims = JwtClaims.parse(jws.getPayload());
        assertThat(claims.getAudience()).containsExactly("https://push.example.net:8443");
        assertThat(claims.getSubject()).isEqualTo("mailto:ops@example.org");
        assertThat(claims.getExpirationTime().getValue())
                .isGreaterThan(now.getEpochSecond())
                .isLessThanOrEqualTo(now.plus(Duration.ofHours(24)).getEpochSecond());
    }

    @Test
    void startUpRefusesMissingMismatchedOrUnreadableKeys() {
        assertThatThrownBy(() -> new VapidKeys(config(null, null, "mailto:ops@example.org"), true))
                .hasMessageContaining("ORIGINLIVE_PUSH_VAPID_PUBLIC_KEY")
                .hasMessageContaining("ORIGINLIVE_PUSH_VAPID_PRIVATE_KEY");
        assertThat(new VapidKeys(config(null, null, "mailto:ops@example.org"), false).publicKey())
                .as("dev, test and demo may start with a pair of their own")
                .hasSize(87);
        assertThatThrownBy(() -> new VapidKeys(config(DEV_PUBLIC, AS_PRIVATE, "mailto:ops@example.org"), true))
                .hasMessageContaining("VAPID keys do not match");
        assertThatThrownBy(() -> new VapidKeys(config(DEV_PUBLIC, "c2hvcnQ", "mailto:ops@example.org"), true))
                .hasMessageContaining("Unreadable VAPID key");
        assertThatThrownBy(() -> new VapidKeys(config(DEV_PUBLIC, DEV_PRIVATE, "ops@example.org"), true))
                .hasMessageContaining("ORIGINLIVE_PUSH_VAPID_SUBJECT");
    }

    static KeyPair pair(String publicKey, String privateKey) throws Exception {
        byte[] raw = PushService.unb64(publicKey);
        EllipticCurveJsonWebKey jwk =
                (EllipticCurveJsonWebKey) JsonWebKey.Factory.newJwk("{\"kty\":\"EC\",\"crv\":\"P-256\","
                        + "\"x\":\"" + PushService.b64(Arrays.copyOfRange(raw, 1, 33)) + "\",\"y\":\""
                        + PushService.b64(Arrays.copyOfRange(raw, 33, 65)) + "\",\"d\":\"" + privateKey + "\"}");
        PublicKey pub = jwk.getPublicKey();
        PrivateKey priv = jwk.getPrivateKey();
        return new KeyPair(pub, priv);
    }

    static PushConfig config(String publicKey, String privateKey, String subject) {
        return new PushConfig() {
            public Optional<String> vapidPublicKey() {
                return Optional.ofNullable(publicKey);
            }

            public Optional<String> vapidPrivateKey() {
                return Optional.ofNullable(privateKey);
            }

            public String vapidSubject() {
                return subject;
            }

            public int maxSubscriptions() {
                return 10;
            }

            public Duration ttl() {
                return Duration.ofHours(24);
            }

            public Duration timeout() {
                return Duration.ofSeconds(10);
            }

            public Duration retryBackoff() {
                return Duration.ofSeconds(30);
            }

            public Duration retryBackoffMax() {
                return Duration.ofMinutes(30);
            }

            public int maxAttempts() {
                return 12;
            }

            public Duration sweepEvery() {
                return Duration.ofSeconds(1);
            }
        };
    }
}
