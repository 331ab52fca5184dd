package org.originlive.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.originlive.support.WechatPaySimulator.Notification;
import org.originlive.support.WechatPaySimulator.Refund;
import org.originlive.support.WechatPaySimulator.Trade;

/**
 * A WeChat Pay notification being made, to spoil before {@link #build()}: as WeChat Pay sends it
 * unless told otherwise (signed now with the platform key, resource encrypted with the API v3 key,
 * our mchid and appid, the trade's own amount). Made by {@link WechatPaySimulator#paidNotice} and
 * {@link WechatPaySimulator#refundNotice}.
 */
public final class WechatPayNotice {

    private final WechatPaySimulator simulator;
    private final String eventType;
    private final String originalType;
    private final ObjectNode resource;
    private Instant timestamp = Instant.now();
    private boolean forged;
    private String apiV3Key;
    private String serial = WechatPaySimulator.PUBLIC_KEY_ID;

    private WechatPayNotice(WechatPaySimulator simulator, String eventType, String originalType, ObjectNode resource) {
        this.simulator = simulator;
        this.eventType = eventType;
        this.originalType = originalType;
        this.resource = resource;
        this.apiV3Key = simulator.keys.apiV3Key;
    }

    static WechatPayNotice paid(WechatPaySimulator simulator, Trade trade) {
        return new WechatPayNotice(
                simulator, "TRANSACTION.SUCCESS", "transaction", WechatPaySimulatorRules.transaction(trade));
    }

    static WechatPayNotice refund(WechatPaySimulator simulator, Refund refund, Trade trade) {
        ObjectNode data = WechatPaySimulatorRules.refund(refund, trade);
        data.put("mchid", WechatPaySimulator.MCH_ID)
                .put("refund_status", data.remove("status").asText());
        if ("SUCCESS".equals(refund.status())) {
            data.put("success_time", WechatPaySimulatorRules.rfc3339(Instant.now()));
        }
        return new WechatPayNotice(simulator, "REFUND." + refund.status(), "refund", data);
    }

    /** Another amount (fen) than the trade's: verified fine, for the caller's own amount check. */
    public WechatPayNotice amount(long total) {
        ((ObjectNode) resource.path("amount")).put("total", total).put("payer_total", total);
        return this;
    }

    /** Another refunded amount (fen) than the refund's, for the caller's own check. */
    public WechatPayNotice refunded(long refund) {
        ((ObjectNode) resource.path("amount")).put("refund", refund).put("payer_refund", refund);
        return this;
    }

    public WechatPayNotice currency(String currency) {
        ((ObjectNode) resource.path("amount")).put("currency", currency);
        return this;
    }

    /** Another merchant's notification, properly signed. */
    public WechatPayNotice mchid(String mchId) {
        resource.put("mchid", mchId);
        return this;
    }

    /** Another app's notification, properly signed. */
    public WechatPayNotice appid(String appId) {
        resource.put("appid", appId);
        return this;
    }

    /** Signed at that time (e.g. 6 minutes ago: stale). */
    public WechatPayNotice at(Instant timestamp) {
        this.timestamp = timestamp;
        return this;
    }

    /** Signed by an impostor's key under WeChat Pay's key id. */
    public WechatPayNotice forged() {
        this.forged = true;
        return this;
    }

    /** Encrypted with another API v3 key than ours. */
    public WechatPayNotice otherApiV3Key() {
        this.apiV3Key = WechatPayTestKeys.random(32);
        return this;
    }

    /** Claims another WeChat Pay key id in {@code Wechatpay-Serial}. */
    public WechatPayNotice serial(String publicKeyId) {
        this.serial = publicKeyId;
        return this;
    }

    public Notification build() {
        String nonce = WechatPayTestKeys.random(12);
        ObjectNode encrypted = WechatPaySimulatorHandler.object()
                .put("original_type", originalType)
                .put("algorithm", "AEAD_AES_256_GCM")
                .put("ciphertext", WechatPayTestKeys.encrypt(apiV3Key, originalType, nonce, resource.toString()))
                .put("associated_data", originalType)
                .put("nonce", nonce);
        ObjectNode notification = WechatPaySimulatorHandler.object()
                .put("id", "EV-" + WechatPayTestKeys.random(20))
                .put("create_time", WechatPaySimulatorRules.rfc3339(timestamp))
                .put("resource_type", "encrypt-resource")
                .put("event_type", eventType)
                .put("summary", eventType.startsWith("TRANSACTION") ? "支付成功" : "退款状态变更");
        notification.set("resource", encrypted);
        String body = notification.toString();
        String epoch = Long.toString(timestamp.getEpochSecond());
        String signNonce = WechatPayTestKeys.random(32);
        PrivateKey key = forged ? simulator.keys.impostor.getPrivate() : simulator.keys.platform.getPrivate();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Wechatpay-Serial", serial);
        headers.put("Wechatpay-Signature", WechatPayTestKeys.sign(key, epoch + "\n" + signNonce + "\n" + body + "\n"));
        headers.put("Wechatpay-Timestamp", epoch);
        headers.put("Wechatpay-Nonce", signNonce);
        headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
        return new Notification(headers, body);
    }
}
