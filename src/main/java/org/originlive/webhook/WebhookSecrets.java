package org.originlive.webhook;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing secrets: {@value #PREFIX} + 32 random bytes as base64url, made here, shown to the
 * cooperative once, stored AES-256-GCM-encrypted under the key-encryption key (the endpoint id is
 * the associated data, so a stored secret cannot be moved to another endpoint), as media's stream
 * keys are. {@code prod} refuses to start without the key; elsewhere a fixed development key
 * (marked as such, never for production) is used with a warning.
 */
@Startup
@ApplicationScoped
public class WebhookSecrets {

    static final String PREFIX = "whsec_";
    static final String KEK_SETTING = "originlive.webhooks.key-encryption-key (ORIGINLIVE_WEBHOOKS_KEY_ENCRYPTION_KEY)";

    // DEVELOPMENT AND TEST ONLY: never used in prod (start-up fails there without a configured key).
    private static final String DEV_KEK = "b3JpZ2luLWxpdmUtZGV2LW9ubHktd2ViaG9vay1rZWs=";
    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec kek;

    WebhookSecrets(WebhookConfig config) {
        boolean prod = ConfigUtils.getProfiles().contains("prod");
        if (prod && config.keyEncryptionKey().isEmpty()) {
            throw new IllegalStateException("Webhooks need " + KEK_SETTING + ": base64 of 32 random bytes");
        }
        if (config.keyEncryptionKey().isEmpty()) {
            Log.warnf("No %s configured: webhook secrets are encrypted with a development key", KEK_SETTING);
        }
        byte[] key = decode(config.keyEncryptionKey().orElse(DEV_KEK));
        this.kek = new SecretKeySpec(key, "AES");
    }

    /** A new secret. */
    String make() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    String encrypt(UUID endpointId, String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(endpointId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                                    .put(iv)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a webhook secret", e);
        }
    }

    /** The secret, or an exception that says nothing about it (wrong key, tampered row). */
    String decrypt(UUID endpointId, String stored) {
        try {
            if (!stored.startsWith(VERSION)) {
                throw new IllegalArgumentException("format");
            }
            byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(endpointId.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Cannot decrypt the secret of webhook " + endpointId + ": was " + KEK_SETTING + " changed?");
        }
    }

    /** Hex HMAC-SHA256 of {@code "<t>.<body>"} keyed with the secret's UTF-8 bytes. */
    static String sign(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** {@code t=<t>,v1=<new>[,v1=<old>]}: one signature per secret that signs now, newest first. */
    static String header(long t, byte[] body, java.util.List<String> secrets) {
        StringBuilder header = new StringBuilder("t=").append(t);
        secrets.forEach(s -> header.append(",v1=").append(sign(s, t, body)));
        return header.toString();
    }

    private static byte[] decode(String text) {
        byte[] key;
        try {
            String t = text.trim();
            key = t.contains("-") || t.contains("_")
                    ? Base64.getUrlDecoder().decode(t)
                    : Base64.getDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEK_SETTING + " is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException(
                    KEK_SETTING + " must be 32 bytes, not " + key.length + " (e.g. openssl rand -base64 32)");
        }
        return key;
    }
}
