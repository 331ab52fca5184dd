package org.originlive.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

/**
 * A push service in the test JVM (loopback http), written apart from the app's code: like a real
 * one it accepts a message only with a valid VAPID JWT (ES256 under the {@code k=} key, {@code aud}
 * its own origin, {@code exp} in the next 24 hours), and like a browser it decrypts the RFC 8291
 * body with the subscription's private key. Each browser can be told what to answer next.
 */
final class PushService {

    /** What arrived for a browser: the status answered, the decrypted text (null if refused), the headers. */
    record Received(int status, String plaintext, String vapidKey, Map<String, List<String>> headers) {}

    /** A browser: its keys, its endpoint, what it received and what it answers next. */
    final class Browser {
        final KeyPair keys = generate();
        final byte[] auth = random(16);
        final String endpoint = origin() + "/push/" + UUID.randomUUID();
        final List<Received> received = new CopyOnWriteArrayList<>();
        final Queue<Integer> answers = new ArrayDeque<>();

        String p256dh() {
            return b64(raw((ECPublicKey) keys.getPublic()));
        }

        String authSecret() {
            return b64(auth);
        }

        /** Decrypted notices accepted (2xx). */
        List<String> delivered() {
            return received.stream()
                    .filter(r -> r.status() / 100 == 2)
                    .map(Received::plaintext)
                    .toList();
        }

        synchronized void answerNext(int... statuses) {
            for (int status : statuses) {
                answers.add(status);
            }
        }

        synchronized int answer() {
            Integer next = answers.poll();
            return next == null ? 201 : next;
        }
    }

    private final HttpServer server;
    private final Map<String, Browser> browsers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    PushService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Browser browser() {
        Browser browser = new Browser();
        browsers.put(browser.endpoint.substring(origin().length()), browser);
        return browser;
    }

    /** Every request this service saw, as "METHOD path". */
    List<String> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + path);
            byte[] body = exchange.getRequestBody().readAllBytes();
            Browser browser = browsers.get(path);
            if (browser == null || !exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String vapidKey;
            String plaintext;
            try {
                vapidKey = verifyVapid(exchange.getRequestHeaders().getFirst("Authorization"));
                if (!"aes128gcm".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        || exchange.getRequestHeaders().getFirst("TTL") == null) {
                    throw new IllegalArgumentException("Content-Encoding aes128gcm and TTL are required");
                }
                plaintext = decrypt(body, browser);
            } catch (Exception e) {
                browser.received.add(new Received(400, null, null, Map.copyOf(exchange.getRequestHeaders())));
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            int status = browser.answer();
            browser.received.add(new Received(status, plaintext, vapidKey, Map.copyOf(exchange.getRequestHeaders())));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /** RFC 8292: the JWT verifies under k, is for this origin and has not expired; returns k. */
    private String verifyVapid(String authorization) throws Exception {
        if (authorization == null || !authorization.startsWith("vapid ")) {
            throw new IllegalArgumentException("no vapid authorization");
        }
        String t = null;
        String k = null;
        for (String part : authorization.substring(6).split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair[0].equals("t")) {
                t = pair[1];
            } else if (pair[0].equals("k")) {
                k = pair[1];
            }
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "ES256"));
        jws.setCompactSerialization(t);
        jws.setKey(publicKey(unb64(k)));
        if (!jws.verifySignature()) {
            throw new IllegalArgumentException("bad VAPID signature");
        }
        JwtClaims claims = JwtClaims.parse(jws.getPayload());
        long now = Instant.now().getEpochSecond();
        long exp = claims.getExpirationTime().getValue();
        if (!claims.getAudience().equals(List.of(origin())) || exp <= now || exp > now + 24 * 3600) {
            throw new IllegalArgumentException("bad VAPID claims " + claims);
        }
        String sub = claims.getSubject();
        if (!sub.startsWith("mailto:") && !sub.startsWith("https:")) {
            throw new IllegalArgumentException("bad VAPID subject " + sub);
        }
        return k;
    }

    /** RFC 8291 section 3.4 and RFC 8188 from the receiving side. */
    static String decrypt(byte[] body, Browser browser) throws Exception {
        return new String(decrypt(body, browser.keys, browser.auth), StandardCharsets.UTF_8);
    }

    static byte[] decrypt(byte[] body, KeyPair ua, byte[] auth) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int rs = in.getInt();
        byte[] asPublic = new byte[in.get() & 0xff];
        in.get(asPublic);
        byte[] record = new byte[in.remaining()];
        in.get(record);
        if (record.length > rs) {
            throw new IllegalArgumentException("more than one record");
        }
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(ua.getPrivate());
        agreement.doPhase(publicKey(asPublic), true);
        byte[] shared = agreement.generateSecret();
        byte[] info = join(
                "WebPush: info\0".getBytes(StandardCharsets.US_ASCII), raw((ECPublicKey) ua.getPublic()), asPublic);
        byte[] ikm = expand(extract(auth, shared), info, 32);
        byte[] prk = extract(salt, ikm);
        byte[] cek = expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = cipher.doFinal(record);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new IllegalArgumentException("the last record must end with delimiter 2");
        }
        return Arrays.copyOf(padded, end);
    }

    // HKDF (RFC 5869), here with outputs of at most one block.
    private static byte[] extract(byte[] salt, byte[] ikm) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        return mac.doFinal(ikm);
    }

    private static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }

    static PublicKey publicKey(byte[] raw) throws Exception {
        String x = b64(Arrays.copyOfRange(raw, 1, 33));
        String y = b64(Arrays.copyOfRange(raw, 33, 65));
        return JsonWebKey.Factory.newJwk("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}")
                                .getKey()
                        instanceof PublicKey key
                ? key
                : null;
    }

    static byte[] raw(ECPublicKey key) {
        return join(
                new byte[] {4},
                unsigned(key.getW().getAffineX()),
                unsigned(key.getW().getAffineY()));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] b = value.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, b.length);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private static byte[] join(byte[]... parts) {
        ByteBuffer out =
                ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        Arrays.stream(parts).forEach(out::put);
        return out.array();
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static byte[] unb64(String s) {
        return Base64.getUrlDecoder().decode(s);
    }
}
