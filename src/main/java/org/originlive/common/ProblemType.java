package org.originlive.common;

/**
 * Every problem the API can answer: its HTTP status, the stable slug that ends the problem
 * {@code type} URI (clients may switch on it) and its title. New failures get a constant here.
 */
public enum ProblemType {
    BAD_REQUEST(400, "bad-request", "Bad request"),
    INVALID_LINK(400, "invalid-link", "Invalid link"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    BANNED(403, "banned", "Banned"),
    PUBLISH_REFUSED(403, "publish-refused", "Publish refused"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    DUPLICATE(409, "duplicate", "Duplicate"),
    EMAIL_TAKEN(409, "email-taken", "Email taken"),
    SLUG_TAKEN(409, "slug-taken", "Slug taken"),
    SKU_TAKEN(409, "sku-taken", "SKU taken"),
    CONCURRENT_UPDATE(409, "concurrent-update", "Concurrent update"),
    ILLEGAL_TRANSITION(409, "illegal-transition", "Illegal state change"),
    INSUFFICIENT_STOCK(409, "insufficient-stock", "Insufficient stock"),
    SOLD_OUT(409, "sold-out", "Sold out"),
    SALE_NOT_LIVE(409, "sale-not-live", "Sale not live"),
    ORDER_NOT_PAYABLE(409, "order-not-payable", "Order cannot be paid"),
    ALREADY_PAID(409, "already-paid", "Already paid"),
    ORDER_NOT_CANCELLABLE(409, "order-not-cancellable", "Order cannot be cancelled"),
    ORDER_NOT_REFUNDABLE(409, "order-not-refundable", "Order cannot be refunded"),
    REFUND_IN_TRANSIT(409, "refund-in-transit", "Parcel in transit"),
    REFUND_NOT_REQUESTED(409, "refund-not-requested", "Refund already decided"),
    CHAT_CLOSED(409, "chat-closed", "Chat closed"),
    NOT_HELD(409, "not-held", "Message not held"),
    NOT_VISIBLE(409, "not-visible", "Message not visible"),
    MEMBER_CODE_TAKEN(409, "member-code-taken", "Member code taken"),
    LOT_CODE_TAKEN(409, "lot-code-taken", "Lot code taken"),
    FULFILLMENT_NOT_ACCEPTED(409, "fulfillment-not-accepted", "Fulfilment not accepted"),
    SALE_STARTED(409, "sale-started", "Sale already started"),
    EMAIL_CHANGED(409, "email-changed", "Email changed"),
    LINK_EXPIRED(410, "link-expired", "Link expired"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    VALIDATION(422, "validation", "Validation failed"),
    UNSUPPORTED_LANGUAGE(422, "unsupported-language", "Unsupported language"),
    LIMIT_EXCEEDED(422, "limit-exceeded", "Per-customer limit exceeded"),
    IDEMPOTENCY_MISMATCH(422, "idempotency-mismatch", "Idempotency key reused"),
    INSUFFICIENT_FUNDS(422, "insufficient-funds", "Insufficient funds"),
    NO_PAYOUT_DESTINATION(422, "no-payout-destination", "No payout destination"),
    NO_FX_RATE(422, "no-fx-rate", "No FX rate"),
    PROVIDER_UNAVAILABLE(422, "provider-unavailable", "Payment provider unavailable"),
    CHANNEL_UNSUPPORTED(422, "channel-unsupported", "Channel unsupported"),
    PAYMENT_REFUSED(422, "payment-refused", "Payment refused by the provider"),
    REFUND_WINDOW_CLOSED(422, "refund-window-closed", "Refund window closed"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    SLOW_MODE(429, "slow-mode", "Slow mode"),
    INTERNAL(500, "internal", "Internal error"),
    UNAVAILABLE(503, "unavailable", "Service unavailable");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return Problem.TYPE_BASE + slug;
    }

    /** The generic type for an HTTP status that no specific problem names. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }
}
