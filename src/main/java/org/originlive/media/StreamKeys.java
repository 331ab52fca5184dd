package org.originlive.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stream keys: 192 random bits as base64url (32 characters), stored encrypted with AES-256-GCM
 * under the key-encryption key (the sale id is the associated data, so a ciphertext cannot be
 * moved to another sale) and found by their SHA-256. Keys never appear in logs or exceptions.
 */
final class StreamKeys {

    static final int KEY_BYTES = 24;
    static final int KEK_BYTES = 32;
    private static final String VERSION = "v1.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_IN = Base64.getUrlDecoder();

    private final SecretKeySpec kek;
    private final SecureRandom random;

    StreamKeys(byte[] keyEncryptionKey, SecureRandom random) {
        if (keyEncryptionKey.length != KEK_BYTES) {
            throw new IllegalArgumentException("The key-encryption key must be " + KEK_BYTES + " bytes");
        }
        this.kek = new SecretKeySpec(keyEncryptionKey.clone(), "AES");
        this.random = random;
    }

    /** A fresh stream key. */
    String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    /** What the database keeps to find a stream by its key. */
    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** True for text shaped like a key we issue (cheap refusal before any database work). */
    static boolean plausible(String key) {
        return key != null && key.length() == 32 && key.chars().allMatch(StreamKeys::base64url);
    }

    String encrypt(UUID saleId, String key) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(bytes(saleId));
            byte[] sealed = cipher.doFinal(key.getBytes(StandardCharsets.UTF_8));
            return VERSION
                    + B64.encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a stream key", e);
        }
    }

    /** The key, or an exception that says nothing about it (wrong key-encryption key, tampered row). */
    String decrypt(UUID saleId, String stored) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new IllegalStateException("Unknown stream key format for sale " + saleId);
        }
        try {
            byte[] all = B64_IN.decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(bytes(saleId));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt the stream key of sale " + saleId
                    + ": was originlive.media.key-encryption-key changed?");
        }
    }

    /** Equal secrets in time that does not depend on where they differ (digests have one length). */
    static boolean sameSecret(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(expected), hash(given));
    }

    private static boolean base64url(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
