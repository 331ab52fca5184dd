package org.originlive.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.Codes;
import org.originlive.common.ProblemException;

/**
 * Places orders. Live-sale orders are group-committed by {@link SaleCheckoutBatcher}; storefront
 * orders run alone: one transaction claims the idempotency key, takes stock with one conditional
 * UPDATE per line and writes the order. Oversold is impossible because no statement can take
 * what is not there.
 */
@ApplicationScoped
public class CheckoutService {

    private final OrderRepository orders;
    private final SaleCheckoutBatcher batcher;
    private final OrderService orderService;
    private final OrderMetrics metrics;
    private final OrderConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    CheckoutService(
            OrderRepository orders,
            SaleCheckoutBatcher batcher,
            OrderService orderService,
            OrderMetrics metrics,
            OrderConfig config,
            ObjectMapper json,
            Clock clock) {
        this.orders = orders;
        this.batcher = batcher;
        this.orderService = orderService;
        this.metrics = metrics;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** The order, and whether it was an earlier request's (a replay of the same key). */
    public record Placed(OrderApi.OrderView order, boolean replayed) {}

    /** A live-sale order goes through group commit; see {@link SaleBatch}. */
    public Uni<Placed> fromSale(Caller buyer, UUID saleId, String key, OrderApi.SaleOrderRequest request) {
        requireKey(key);
        Codes.requireCountry(
                "shippingAddress.country", request.shippingAddress().country());
        requireDistinct(request.items().stream().map(OrderApi.SaleLine::itemId).toList(), "itemId");
        String hash = hash("sale:" + saleId, request);
        long started = System.nanoTime();
        return batcher.submit(UUID.randomUUID(), buyer, saleId, key, hash, request)
                .flatMap(outcome -> {
                    if (outcome instanceof SaleBatch.Created created) {
                        metrics.created();
                        metrics.checkout(started);
                        return Uni.createFrom().item(new Placed(created.order(), false));
                    }
                    if (outcome instanceof SaleBatch.Replayed replayed) {
                        return orderService.view(replayed.orderId()).map(view -> new Placed(view, true));
                    }
                    ProblemException problem = ((SaleBatch.Refused) outcome).problem();
                    if (problem.slug().equals("sold-out")) {
                        metrics.soldOut();
                    }
                    return Uni.createFrom().failure(problem);
                });
    }

    public Uni<Placed> fromStorefront(Caller buyer, String key, OrderApi.StoreOrderRequest request) {
        requireKey(key);
        Codes.requireCountry(
                "shippingAddress.country", request.shippingAddress().country());
        requireDistinct(
                request.items().stream().map(OrderApi.StoreLine::productId).toList(), "productId");
        String hash = hash("store", request);
        return place(buyer, key, hash, (tx, orderId) -> reserveFromProducts(tx, orderId, buyer, request));
    }

    private record Outcome(UUID orderId, boolean replayed) {}

    private interface Reservation {
        Uni<Void> reserve(SqlClient tx, UUID orderId);
    }

    private Uni<Placed> place(Caller buyer, String key, String hash, Reservation reservation) {
        long started = System.nanoTime();
        UUID newId = UUID.randomUUID();
        return orders.pool()
                .withTransaction(
                        tx -> orders.claimKey(tx, buyer.id(), key, hash, newId).flatMap(earlier -> {
                            if (earlier.isEmpty()) {
                                return reservation.reserve(tx, newId).replaceWith(new Outcome(newId, false));
                            }
                            if (!earlier.get().requestHash().equals(hash)) {
                                return Uni.createFrom()
                                        .failure(new ProblemException(
                                                422,
                                                "idempotency-mismatch",
                                                "Idempotency key reused",
                                                "This Idempotency-Key was used with a different request"));
                            }
                            return Uni.createFrom()
                                    .item(new Outcome(earlier.get().orderId(), true));
                        }))
                .flatMap(outcome -> {
                    if (!outcome.replayed()) {
                        metrics.created();
                        metrics.checkout(started);
                    }
                    return orderService.view(outcome.orderId()).map(view -> new Placed(view, outcome.replayed()));
                })
                .ifNoItem()
                .after(config.requestTimeout())
                .failWith(CheckoutService::timedOut)
                .onFailure(ProblemException.class)
                .invoke(e -> {
                    if (((ProblemException) e).slug().equals("sold-out")) {
                        metrics.soldOut();
                    }
                });
    }

    private Uni<Void> reserveFromProducts(
            SqlClient tx, UUID orderId, Caller buyer, OrderApi.StoreOrderRequest request) {
        List<OrderApi.StoreLine> lines = new ArrayList<>(request.items());
        lines.sort(Comparator.comparing(OrderApi.StoreLine::productId));
        Map<UUID, OrderRepository.Taken> taken = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OrderApi.StoreLine line : lines) {
            chain = chain.flatMap(x -> orders.takeProduct(tx, line.productId(), line.quantity())
                    .flatMap(t -> t.isPresent()
                            ? Uni.createFrom().item(t.get())
                            : orders.productShortfall(tx, line.productId()).map(why -> {
                                throw switch (why) {
                                    case "short" -> soldOut();
                                    case "archived" -> ProblemException.invalid(
                                            "items.productId", "product is archived: " + line.productId());
                                    default -> ProblemException.invalid(
                                            "items.productId", "no such product: " + line.productId());
                                };
                            }))
                    .invoke(t -> taken.put(line.productId(), t))
                    .replaceWithVoid());
        }
        return chain.flatMap(x -> {
            List<OrderRepository.Line> ordered = request.items().stream()
                    .map(l -> {
                        OrderRepository.Taken t = taken.get(l.productId());
                        return new OrderRepository.Line(
                                l.productId(), null, t.cooperativeId(), t.name(), l.quantity(), t.unitPriceMinor());
                    })
                    .toList();
            var currencies = new HashSet<>(
                    taken.values().stream().map(OrderRepository.Taken::currency).toList());
            if (currencies.size() != 1) {
                return Uni.createFrom()
                        .failure(ProblemException.invalid("items", "all products of an order must share one currency"));
            }
            return insert(
                    tx,
                    orderId,
                    buyer,
                    null,
                    ordered,
                    request.shippingAddress(),
                    Uni.createFrom().item(currencies.iterator().next()));
        });
    }

    private Uni<Void> insert(
            SqlClient tx,
            UUID orderId,
            Caller buyer,
            UUID saleId,
            List<OrderRepository.Line> lines,
            OrderApi.ShippingAddress address,
            Uni<String> currency) {
        long total = 0;
        for (OrderRepository.Line line : lines) {
            total = Math.addExact(total, Math.multiplyExact(line.unitPriceMinor(), line.quantity()));
        }
        long totalMinor = total;
        Instant now = clock.instant();
        return currency.flatMap(code -> orders.insert(
                tx,
                new OrderRepository.StoredOrder(
                        orderId,
                        buyer.id(),
                        saleId,
                        OrderStatus.RESERVED,
                        totalMinor,
                        code,
                        address,
                        now.plus(config.reservationHold()),
                        now,
                        null,
                        null),
                lines));
    }

    private static ProblemException timedOut() {
        return ProblemException.unavailable(
                "The order could not be confirmed in time; retry with the same Idempotency-Key");
    }

    private static void requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > 64) {
            throw ProblemException.badRequest("The Idempotency-Key header is required: 1 to 64 characters");
        }
    }

    private static void requireDistinct(List<UUID> ids, String field) {
        if (new HashSet<>(ids).size() != ids.size()) {
            throw ProblemException.invalid("items." + field, "each may appear only once per order");
        }
    }

    private static ProblemException soldOut() {
        return ProblemException.conflict("sold-out", "Sold out", "Not enough left for this quantity");
    }

    private String hash(String scope, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(scope.getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
