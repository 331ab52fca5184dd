package org.originlive.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The {@code Idempotency-Key} header rules and the request fingerprint stored beside a key. */
public final class RequestKeys {

    private RequestKeys() {}

    /** 400 unless the key is 1 to 64 visible ASCII characters. */
    public static void require(String key) {
        if (key == null || key.isBlank() || key.length() > 64 || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw ProblemException.badRequest(
                    "The Idempotency-Key header is required: 1 to 64 visible ASCII characters");
        }
    }

    /** SHA-256 of the scope and the request as JSON: the same body gives the same hash. */
    public static String hash(ObjectMapper json, String scope, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(scope.getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
