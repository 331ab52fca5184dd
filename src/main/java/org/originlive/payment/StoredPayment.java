package org.originlive.payment;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A payment row as stored. */
record StoredPayment(
        UUID id,
        UUID orderId,
        UUID buyerId,
        Provider provider,
        Channel channel,
        PaymentStatus status,
        long amountMinor,
        String currency,
        String outTradeNo,
        String transactionId,
        PaymentGateway.Action action,
        Instant expiresAt,
        String requestHash,
        int queries,
        String lateRefund,
        Instant createdAt) {

    static final String COLUMNS = "id, order_id, buyer_id, provider, channel, status, amount_minor, currency,"
            + " out_trade_no, transaction_id, action, expires_at, request_hash, queries, late_refund, created_at";

    /** Our merchant order number: the id's 32 hex digits (WeChat Pay takes 6–32 characters, Alipay no dashes). */
    static String outTradeNo(UUID id) {
        return id.toString().replace("-", "");
    }

    static StoredPayment of(Row r) {
        return new StoredPayment(
                r.getUUID("id"),
                r.getUUID("order_id"),
                r.getUUID("buyer_id"),
                Provider.valueOf(r.getString("provider")),
                Channel.valueOf(r.getString("channel")),
                PaymentStatus.valueOf(r.getString("status")),
                r.getLong("amount_minor"),
                r.getString("currency"),
                r.getString("out_trade_no"),
                r.getString("transaction_id"),
                action(r.getJsonObject("action")),
                r.getOffsetDateTime("expires_at").toInstant(),
                r.getString("request_hash"),
                r.getInteger("queries"),
                r.getString("late_refund"),
                r.getOffsetDateTime("created_at").toInstant());
    }

    @SuppressWarnings("unchecked")
    private static PaymentGateway.Action action(JsonObject json) {
        if (json == null) {
            return null;
        }
        JsonObject params = json.getJsonObject("params");
        return new PaymentGateway.Action(
                json.getString("type"),
                json.getString("codeUrl"),
                json.getString("url"),
                params == null ? null : (Map<String, String>) (Map<?, ?>) params.getMap());
    }

    static JsonObject json(PaymentGateway.Action a) {
        JsonObject json = new JsonObject().put("type", a.type());
        if (a.codeUrl() != null) {
            json.put("codeUrl", a.codeUrl());
        }
        if (a.url() != null) {
            json.put("url", a.url());
        }
        if (a.params() != null) {
            json.put("params", new JsonObject(Map.copyOf(a.params())));
        }
        return json;
    }

    PaymentApi.Payment view() {
        return new PaymentApi.Payment(
                id,
                orderId,
                provider,
                channel,
                status,
                amountMinor,
                currency,
                expiresAt,
                status == PaymentStatus.PENDING ? PaymentApi.Action.of(action) : null);
    }
}
