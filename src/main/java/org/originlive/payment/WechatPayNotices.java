package org.originlive.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.TreeMap;
import org.originlive.payment.PaymentGateway.Notice;
import org.originlive.payment.PaymentGateway.NoticeRejected;
import org.originlive.payment.PaymentGateway.RefundState;

/**
 * Reads WeChat Pay's notifications: the signature over the raw body and its timestamp first
 * ({@link WechatPayVerifier}), then the resource decrypted with the API v3 key
 * (AEAD_AES_256_GCM, its nonce and associated_data), then our merchant id (and, for payments,
 * app id). {@code TRANSACTION.SUCCESS} is a trade's state; {@code REFUND.SUCCESS},
 * {@code REFUND.ABNORMAL} and {@code REFUND.CLOSED} are a refund's. Pure computation, no I/O.
 */
final class WechatPayNotices {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALGORITHM = "AEAD_AES_256_GCM";

    private final WechatPayKeys keys;
    private final WechatPayVerifier verifier;

    WechatPayNotices(WechatPayKeys keys, WechatPayVerifier verifier) {
        this.keys = keys;
        this.verifier = verifier;
    }

    Notice read(Map<String, String> headers, String body) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> {
            if (name != null) {
                byName.put(name, value);
            }
        });
        String text = body == null ? "" : body;
        String rejection = verifier.rejection(byName::get, text);
        if (rejection != null) {
            throw new NoticeRejected("WeChat Pay notification " + rejection);
        }
        JsonNode notification = json(text, "body");
        String event = notification.path("event_type").asText("");
        JsonNode data = json(decrypt(notification.path("resource")), "resource");
        requireOurs(data, event.startsWith("TRANSACTION."));
        try {
            return switch (event) {
                case "TRANSACTION.SUCCESS" -> new Notice(
                        data.path("out_trade_no").asText(), WechatPayStates.trade(data), null, null);
                case "REFUND.SUCCESS", "REFUND.ABNORMAL", "REFUND.CLOSED" -> new Notice(
                        data.path("out_trade_no").asText(),
                        null,
                        data.path("out_refund_no").asText(),
                        refund(data));
                default -> throw new NoticeRejected("WeChat Pay notification of an unsupported event " + event);
            };
        } catch (RuntimeException e) {
            throw e instanceof NoticeRejected rejected ? rejected : new NoticeRejected("WeChat Pay notification: " + e);
        }
    }

    /** A refund notification's state and the amount it says was refunded (this refund's, in fen). */
    private static RefundState refund(JsonNode data) {
        RefundState state = WechatPayStates.refund(
                data.path("refund_status").asText(null), data.path("refund_id").asText(null));
        JsonNode amount = data.path("amount").path("refund");
        return amount.isIntegralNumber()
                ? new RefundState(state.status(), state.providerRefundId(), amount.asLong(), false)
                : state;
    }

    private String decrypt(JsonNode resource) {
        if (!ALGORITHM.equals(resource.path("algorithm").asText())) {
            throw new NoticeRejected("WeChat Pay notification resource is not " + ALGORITHM);
        }
        try {
            return keys.decrypt(
                    resource.path("associated_data").asText(null),
                    resource.path("nonce").asText(""),
                    resource.path("ciphertext").asText(""));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new NoticeRejected("WeChat Pay notification resource does not decrypt with our API v3 key");
        }
    }

    /** Our merchant's, and for payments our app's: another merchant's verified message changes nothing here. */
    private void requireOurs(JsonNode data, boolean payment) {
        String mchId = data.path("mchid").asText(null);
        if (!keys.mchId.equals(mchId)) {
            throw new NoticeRejected("WeChat Pay notification for merchant " + mchId + ", not ours");
        }
        String appId = data.path("appid").asText(null);
        if ((payment || appId != null) && !keys.appId.equals(appId)) {
            throw new NoticeRejected("WeChat Pay notification for app " + appId + ", not ours");
        }
    }

    private static JsonNode json(String text, String what) {
        try {
            JsonNode json = JSON.readTree(text);
            if (json != null && json.isObject()) {
                return json;
            }
        } catch (IOException e) {
            // Said below.
        }
        throw new NoticeRejected("WeChat Pay notification " + what + " is not a JSON object");
    }
}
