package org.originlive.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Checks that WeChat Pay signed a message (an answer or a notification): {@code Wechatpay-Serial}
 * names our WeChat Pay public key, {@code Wechatpay-Timestamp} is within five minutes of now, and
 * {@code Wechatpay-Signature} is its SHA256withRSA signature of {@code timestamp\nnonce\nbody\n}.
 */
final class WechatPayVerifier {

    static final String SERIAL = "Wechatpay-Serial";
    static final String SIGNATURE = "Wechatpay-Signature";
    static final String TIMESTAMP = "Wechatpay-Timestamp";
    static final String NONCE = "Wechatpay-Nonce";
    static final String SIGNATURE_TYPE = "Wechatpay-Signature-Type";
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final WechatPayKeys keys;
    private final Clock clock;

    WechatPayVerifier(WechatPayKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Why the message is not WeChat Pay's, or null when it is.
     *
     * @param header a header by name (any case), null when absent
     */
    String rejection(UnaryOperator<String> header, String body) {
        String serial = header.apply(SERIAL);
        String signature = header.apply(SIGNATURE);
        String timestamp = header.apply(TIMESTAMP);
        String nonce = header.apply(NONCE);
        String type = header.apply(SIGNATURE_TYPE);
        if (serial == null || signature == null || timestamp == null || nonce == null) {
            return "not signed (missing Wechatpay-* headers)";
        }
        if (type != null && !WechatPaySigner.SCHEME.equals(type)) {
            return "unsupported signature type " + type;
        }
        if (!keys.publicKeyId.equals(serial)) {
            return "signed with an unknown key " + serial;
        }
        Instant at;
        try {
            at = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        } catch (RuntimeException e) {
            return "bad timestamp " + timestamp;
        }
        if (Duration.between(at, clock.instant()).abs().compareTo(WINDOW) > 0) {
            return "timestamp " + at + " is more than 5 minutes away";
        }
        if (!keys.verify(timestamp + "\n" + nonce + "\n" + body + "\n", signature)) {
            return "signature does not verify";
        }
        return null;
    }
}
