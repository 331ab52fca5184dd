package org.originlive.checkout;

import java.util.UUID;

/** One buyer's live-sale order as checkout accepted it: identity from the token, never the body. */
record BatchRequest(UUID orderId, UUID buyerId, String key, String hash, CheckoutApi.SaleOrderRequest body) {

    IdempotencyKeys.Claim claim() {
        return new IdempotencyKeys.Claim(buyerId, key, hash, orderId);
    }
}
