package org.originlive.notify;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;

/**
 * Signed links in emails: {@code base64url(purpose|user|email|expiry)} + "." + HMAC-SHA256 of it
 * under the link key, which every replica shares. A link names the address it was made for, so a
 * confirmation holds only for that address. Start-up in prod fails without a key.
 */
@Startup
@ApplicationScoped
class Links {

    static final String KEY_SETTING = "originlive.notify.link-key (ORIGINLIVE_NOTIFY_LINK_KEY)";
    static final int MIN_KEY_BYTES = 32;

    enum Purpose {
        CONFIRM,
        UNSUBSCRIBE
    }

    /** What a valid link says. */
    record Claims(Purpose purpose, UUID userId, String email, Instant expires) {}

    private final SecretKeySpec key;
    private final String baseUrl;
    private final Clock clock;

    Links(
            NotifyConfig config,
            @ConfigProperty(name = "originlive.public-base-url", defaultValue = "http://localhost:8080") String baseUrl,
            Clock clock) {
        String configured = config.linkKey()
                .filter(k -> !k.isBlank())
                .orElseThrow(() -> new IllegalStateException("Emails need " + KEY_SETTING + ": base64 of "
                        + MIN_KEY_BYTES + "+ random bytes, the same on every replica (e.g. openssl rand -base64 32)"));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY_SETTING + " is not base64");
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(KEY_SETTING + " must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.clock = clock;
    }

    static boolean prod() {
        return ConfigUtils.getProfiles().contains("prod");
    }

    /** The full link to {@code path} carrying a token for {@code purpose} that works for {@code lifetime}. */
    String link(String path, Purpose purpose, UUID userId, String email, Duration lifetime) {
        return baseUrl + path + "?token="
                + URLEncoder.encode(token(purpose, userId, email, lifetime), StandardCharsets.UTF_8);
    }

    String token(Purpose purpose, UUID userId, String email, Duration lifetime) {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        String payload = purpose + "|" + userId + "|" + email.toLowerCase(java.util.Locale.ROOT) + "|" + expires;
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(body));
    }

    /**
     * The claims of a token made here for {@code purpose}: 400 invalid-link when it was not (tampered,
     * cut, another purpose), 410 link-expired when it ran out.
     */
    Claims verify(String token, Purpose purpose) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        byte[] given;
        try {
            given = parts.length == 2 ? Base64.getUrlDecoder().decode(parts[1]) : null;
        } catch (IllegalArgumentException e) {
            given = null;
        }
        if (given == null || !MessageDigest.isEqual(mac(parts[0]), given)) {
            throw invalid();
        }
        String[] fields = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8).split("\\|", -1);
        if (fields.length != 4 || !fields[0].equals(purpose.name())) {
            throw invalid();
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(fields[3]));
        if (!clock.instant().isBefore(expires)) {
            throw new ProblemException(ProblemType.LINK_EXPIRED, "This link has expired; ask for a new one");
        }
        return new Claims(purpose, UUID.fromString(fields[1]), fields[2], expires);
    }

    private static ProblemException invalid() {
        return new ProblemException(ProblemType.INVALID_LINK, "This link is not one we sent, or it was cut short");
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
