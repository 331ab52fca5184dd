package org.originlive.checkout;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.originlive.common.Codes;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.RequestKeys;
import org.originlive.order.OrderApi;
import org.originlive.order.OrderConfig;
import org.originlive.order.OrderService;

/**
 * Places orders. Live-sale orders are group-committed by {@link SaleCheckoutBatcher}; storefront
 * orders run alone ({@link StoreCheckout}). Oversold is impossible on both paths because no
 * statement can take what is not there.
 */
@ApplicationScoped
public class CheckoutService {

    private final SaleCheckoutBatcher batcher;
    private final StoreCheckout store;
    private final OrderService orders;
    private final CheckoutMetrics metrics;
    private final OrderConfig config;
    private final ObjectMapper json;

    CheckoutService(
            SaleCheckoutBatcher batcher,
            StoreCheckout store,
            OrderService orders,
            CheckoutMetrics metrics,
            OrderConfig config,
            ObjectMapper json) {
        this.batcher = batcher;
        this.store = store;
        this.orders = orders;
        this.metrics = metrics;
        this.config = config;
        this.json = json;
    }

    /** The order, and whether it was an earlier request's (a replay of the same key). */
    public record Placed(OrderApi.OrderView order, boolean replayed) {}

    /**
     * A live-sale order goes through group commit; see {@link SaleBatch}. The buyer comes as a plain
     * id, never the request-scoped {@code Caller}: the batch it joins outlives the request.
     */
    public Uni<Placed> fromSale(UUID buyerId, UUID saleId, String key, CheckoutApi.SaleOrderRequest request) {
        RequestKeys.require(key);
        Codes.requireCountry(
                "shippingAddress.country", request.shippingAddress().country());
        requireDistinct(
                request.items().stream().map(CheckoutApi.SaleLine::itemId).toList(), "itemId");
        BatchRequest batched =
                new BatchRequest(UUID.randomUUID(), buyerId, key, hash("sale:" + saleId, request), request);
        long started = System.nanoTime();
        // A batch can wait in COMMIT for as long as no synchronous standby confirms: answer meanwhile.
        return batcher.submit(saleId, batched)
                .flatMap(outcome -> answer(outcome, started))
                .ifNoItem()
                .after(config.requestTimeout())
                .failWith(CheckoutProblems::timedOut);
    }

    public Uni<Placed> fromStorefront(UUID buyerId, String key, CheckoutApi.StoreOrderRequest request) {
        RequestKeys.require(key);
        Codes.requireCountry(
                "shippingAddress.country", request.shippingAddress().country());
        requireDistinct(
                request.items().stream().map(CheckoutApi.StoreLine::productId).toList(), "productId");
        BatchRequest single = new BatchRequest(UUID.randomUUID(), buyerId, key, hash("store", request), null);
        long started = System.nanoTime();
        return store.place(single, request)
                .flatMap(outcome -> answer(outcome, started))
                .ifNoItem()
                .after(config.requestTimeout())
                .failWith(CheckoutProblems::timedOut)
                .onFailure(ProblemException.class)
                .invoke(e -> {
                    if (((ProblemException) e).type() == ProblemType.SOLD_OUT) {
                        metrics.soldOut();
                    }
                });
    }

    private Uni<Placed> answer(BatchOutcome outcome, long started) {
        if (outcome instanceof BatchOutcome.Created created) {
            metrics.created();
            metrics.checkout(started);
            return Uni.createFrom().item(new Placed(created.order(), false));
        }
        if (outcome instanceof BatchOutcome.Replayed replayed) {
            return orders.view(replayed.orderId()).map(view -> new Placed(view, true));
        }
        ProblemException problem = ((BatchOutcome.Refused) outcome).problem();
        if (problem.type() == ProblemType.SOLD_OUT) {
            metrics.soldOut();
        }
        return Uni.createFrom().failure(problem);
    }

    private static void requireDistinct(List<UUID> ids, String field) {
        if (new HashSet<>(ids).size() != ids.size()) {
            throw ProblemException.invalid("items." + field, "each may appear only once per order");
        }
    }

    private String hash(String scope, Object request) {
        return RequestKeys.hash(json, scope, request);
    }
}
