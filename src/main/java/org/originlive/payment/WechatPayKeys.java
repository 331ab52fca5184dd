package org.originlive.payment;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The merchant's identity and the three secrets of WeChat Pay API v3, read once at start-up: the
 * merchant key signs requests and JSAPI payment parameters (SHA256withRSA), WeChat Pay's public key
 * verifies its answers and notifications, the API v3 key decrypts notification resources
 * (AES-256-GCM, 128-bit tag). Nothing here is ever logged but ids and file names.
 */
final class WechatPayKeys {

    static final String ENV = "ORIGINLIVE_PAYMENTS_WECHAT_PAY_";
    private static final int API_V3_KEY_BYTES = 32;
    private static final int GCM_TAG_BITS = 128;

    final String mchId;
    final String appId;
    final String merchantSerial;
    final String publicKeyId;
    private final PrivateKey merchantKey;
    private final PublicKey wechatPayKey;
    private final byte[] apiV3Key;

    private WechatPayKeys(WechatPayConfig config) {
        this.mchId = config.mchId().orElseThrow();
        this.appId = config.appId().orElseThrow();
        this.merchantSerial = config.merchantSerial().orElseThrow();
        this.publicKeyId = config.publicKeyId().orElseThrow();
        this.merchantKey = privateKey(config.privateKeyLocation().orElseThrow());
        this.wechatPayKey = publicKey(config.publicKeyLocation().orElseThrow());
        this.apiV3Key = config.apiV3Key().orElseThrow().getBytes(StandardCharsets.UTF_8);
        if (apiV3Key.length != API_V3_KEY_BYTES) {
            throw new IllegalStateException(
                    ENV + "API_V3_KEY must be " + API_V3_KEY_BYTES + " bytes, not " + apiV3Key.length);
        }
    }

    /**
     * The keys when every setting is present; empty (and said once in the log) when any is missing.
     *
     * @throws IllegalStateException naming the variable, when a key file is set but unusable
     */
    static Optional<WechatPayKeys> load(WechatPayConfig config) {
        List<String> missing = missing(config);
        if (missing.size() == 7) {
            Log.info("WeChat Pay is not configured (no ORIGINLIVE_PAYMENTS_WECHAT_PAY_* settings)");
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            Log.warnf("WeChat Pay is not configured: missing %s", String.join(", ", missing));
            return Optional.empty();
        }
        WechatPayKeys keys = new WechatPayKeys(config);
        Log.infof(
                "WeChat Pay configured: merchant %s, %s mode, %s, WeChat Pay key %s",
                keys.mchId, config.mode().name().toLowerCase(), config.baseUrl(), keys.publicKeyId);
        return Optional.of(keys);
    }

    /** Base64 SHA256withRSA signature of the message with the merchant key. */
    String sign(String message) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(merchantKey);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with the WeChat Pay merchant key", e);
        }
    }

    /** Whether WeChat Pay's key made this Base64 signature of the message. */
    boolean verify(String message, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(wechatPayKey);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The plaintext of a notification resource (AEAD_AES_256_GCM with the API v3 key). */
    String decrypt(String associatedData, String nonce, String ciphertextBase64) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(apiV3Key, "AES"),
                new GCMParameterSpec(GCM_TAG_BITS, nonce.getBytes(StandardCharsets.UTF_8)));
        if (associatedData != null) {
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        }
        return new String(cipher.doFinal(Base64.getDecoder().decode(ciphertextBase64)), StandardCharsets.UTF_8);
    }

    private static List<String> missing(WechatPayConfig config) {
        List<String> missing = new ArrayList<>();
        check(missing, config.mchId(), "MCH_ID");
        check(missing, config.appId(), "APP_ID");
        check(missing, config.merchantSerial(), "MERCHANT_SERIAL");
        check(missing, config.privateKeyLocation(), "PRIVATE_KEY_LOCATION");
        check(missing, config.publicKeyLocation(), "PUBLIC_KEY_LOCATION");
        check(missing, config.publicKeyId(), "PUBLIC_KEY_ID");
        check(missing, config.apiV3Key(), "API_V3_KEY");
        return missing;
    }

    private static void check(List<String> missing, Optional<String> value, String name) {
        if (value.filter(v -> !v.isBlank()).isEmpty()) {
            missing.add(ENV + name);
        }
    }

    private static PrivateKey privateKey(String location) {
        byte[] der = pem(location, "PRIVATE_KEY_LOCATION", "PRIVATE KEY");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    ENV + "PRIVATE_KEY_LOCATION: " + location + " is not a PKCS#8 RSA private key", e);
        }
    }

    private static PublicKey publicKey(String location) {
        byte[] der = pem(location, "PUBLIC_KEY_LOCATION", "PUBLIC KEY");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ENV + "PUBLIC_KEY_LOCATION: " + location + " is not an RSA public key", e);
        }
    }

    /** The DER bytes of the file's one PEM block of that type. */
    private static byte[] pem(String location, String setting, String type) {
        String text;
        try {
            text = Files.readString(Path.of(location), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(ENV + setting + ": cannot read " + location, e);
        }
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(ENV + setting + ": " + location + " holds no " + begin + " block");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(ENV + setting + ": " + location + " is not valid PEM", e);
        }
    }
}
