package org.originlive.refund;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A refund as stored. */
record StoredRefund(
        UUID id,
        UUID orderId,
        UUID fulfillmentId,
        UUID cooperativeId,
        UUID buyerId,
        RefundStatus status,
        long amountMinor,
        long feeReversalMinor,
        String currency,
        String reason,
        String decisionReason,
        String requestHash,
        Instant createdAt,
        List<RefundApi.Line> lines,
        ProviderStatus providerStatus) {

    RefundApi.RefundView view() {
        return new RefundApi.RefundView(
                id,
                orderId,
                fulfillmentId,
                lines,
                amountMinor,
                feeReversalMinor,
                currency,
                status,
                reason,
                decisionReason,
                createdAt,
                providerStatus);
    }
}
