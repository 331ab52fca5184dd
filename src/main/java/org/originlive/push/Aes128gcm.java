package org.originlive.push;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 8291 message encryption in the RFC 8188 aes128gcm content coding: an ECDH secret between a
 * key pair of ours, fresh per message, and the browser's key, mixed with the browser's auth secret
 * and a random salt; one record whose plaintext ends with the last-record delimiter 0x02.
 */
final class Aes128gcm {

    /** The largest plaintext one 4096-byte record carries (RFC 8291 section 4). */
    static final int MAX_PLAINTEXT = 3993;

    private static final int RECORD_SIZE = 4096;

    private Aes128gcm() {}

    /** The request body: header (salt, record size, our public key) and the one encrypted record. */
    static byte[] encrypt(byte[] plaintext, ECPublicKey browser, byte[] auth, KeyPair ours, byte[] salt) {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("push payload over " + MAX_PLAINTEXT + " bytes");
        }
        try {
            KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
            ecdh.init(ours.getPrivate());
            ecdh.doPhase(browser, true);
            byte[] asPublic = P256.encode((ECPublicKey) ours.getPublic());
            byte[] keyInfo = concat(ascii("WebPush: info\0"), P256.encode(browser), asPublic, new byte[] {1});
            byte[] ikm = hmac(hmac(auth, ecdh.generateSecret()), keyInfo);
            byte[] prk = hmac(salt, ikm);
            byte[] cek = Arrays.copyOf(hmac(prk, concat(ascii("Content-Encoding: aes128gcm\0"), new byte[] {1})), 16);
            byte[] nonce = Arrays.copyOf(hmac(prk, concat(ascii("Content-Encoding: nonce\0"), new byte[] {1})), 12);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
            byte[] record = aes.doFinal(concat(plaintext, new byte[] {2}));
            byte[] header = ByteBuffer.allocate(16 + 4 + 1 + asPublic.length)
                    .put(salt)
                    .putInt(RECORD_SIZE)
                    .put((byte) asPublic.length)
                    .put(asPublic)
                    .array();
            return concat(header, record);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot encrypt for this subscription: " + e.getMessage(), e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
