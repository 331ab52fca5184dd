package org.originlive.payment;

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
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * RSA2 as Alipay uses it: SHA256withRSA over {@code k=v} pairs sorted by key and joined with
 * {@code &}, base64. Requests are signed with the app's private key; answers and notifications are
 * verified with Alipay's public key. Both are read once, at start.
 */
final class AlipayKeys {

    static final String PRIVATE_KEY_ENV = "ORIGINLIVE_PAYMENTS_ALIPAY_PRIVATE_KEY_LOCATION";
    static final String PUBLIC_KEY_ENV = "ORIGINLIVE_PAYMENTS_ALIPAY_PUBLIC_KEY_LOCATION";
    private static final String ALGORITHM = "SHA256withRSA";

    private final PrivateKey appKey;
    private final PublicKey alipayKey;

    private AlipayKeys(PrivateKey appKey, PublicKey alipayKey) {
        this.appKey = appKey;
        this.alipayKey = alipayKey;
    }

    /** Both keys, or an IllegalStateException naming the setting whose file is not a usable key. */
    static AlipayKeys read(String privateLocation, String publicLocation) {
        PrivateKey app =
                parse(PRIVATE_KEY_ENV, privateLocation, der -> rsa().generatePrivate(new PKCS8EncodedKeySpec(der)));
        PublicKey alipay =
                parse(PUBLIC_KEY_ENV, publicLocation, der -> rsa().generatePublic(new X509EncodedKeySpec(der)));
        return new AlipayKeys(app, alipay);
    }

    /** The signed content of parameters: sorted by key, without {@code excluded}, empty values skipped if asked. */
    static String content(Map<String, String> params, Set<String> excluded, boolean skipEmpty) {
        return new TreeMap<>(params)
                .entrySet().stream()
                        .filter(e -> !excluded.contains(e.getKey()))
                        .filter(e -> e.getValue() != null
                                && !(skipEmpty && e.getValue().isEmpty()))
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("&"));
    }

    /** The base64 RSA2 signature of the content with the app's key. */
    String sign(String content) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(appKey);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA2 signing failed", e);
        }
    }

    /** Whether Alipay's key signed the content; a malformed signature is simply not valid. */
    boolean verify(String content, String sign) {
        if (content == null || sign == null || sign.isBlank()) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(alipayKey);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getMimeDecoder().decode(sign));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private interface KeyReader<K> {
        K read(byte[] der) throws GeneralSecurityException;
    }

    private static <K> K parse(String env, String location, KeyReader<K> reader) {
        String text;
        try {
            text = Files.readString(Path.of(location), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    env + ": cannot read " + location + " (" + e.getClass().getSimpleName() + ")");
        }
        if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN CERTIFICATE")) {
            throw new IllegalStateException(env + ": " + location + " is PKCS#1 or a certificate; give a PKCS#8 private"
                    + " key or a public key (openssl pkcs8 -topk8 -nocrypt, or Alipay's public-key mode)");
        }
        try {
            String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return reader.read(Base64.getDecoder().decode(base64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(env + ": " + location + " holds no RSA key of the expected kind");
        }
    }

    private static KeyFactory rsa() throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA");
    }
}
