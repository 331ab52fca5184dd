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
import org.originlive.sale.SaleEvent;
import org.originlive.sale.SaleEvents;

/**
 * Places orders. One transaction claims the idempotency key, takes stock with one conditional
 * UPDATE per line, checks per-customer limits with a conditional upsert, writes the order and
 * announces the stock change; oversold is impossible because no statement can take what is not
 * there.
 */
@ApplicationScoped
public class CheckoutService {

    private final OrderRepository orders;
    private final OrderService orderService;
    private final SaleEvents events;
    private final OrderMetrics metrics;
    private final OrderConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    CheckoutService(
            OrderRepository orders,
            OrderService orderService,
            SaleEvents events,
            OrderMetrics metrics,
            OrderConfig config,
            ObjectMapper json,
            Clock clock) {
        this.orders = orders;
        this.orderService = orderService;
        this.events = events;
        this.metrics = metrics;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** The order, and whether it was an earlier request's (a replay of the same key). */
    public record Placed(OrderApi.OrderView order, boolean replayed) {}

    public Uni<Placed> fromSale(Caller buyer, UUID saleId, String key, OrderApi.SaleOrderRequest request) {
        requireKey(key);
        Codes.requireCountry(
                "shippingAddress.country", request.shippingAddress().country());
        requireDistinct(request.items().stream().map(OrderApi.SaleLine::itemId).toList(), "itemId");
        String hash = hash("sale:" + saleId, request);
        return place(buyer, key, hash, (tx, orderId) -> reserveFromSale(tx, orderId, buyer, saleId, request));
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
                .onFailure(ProblemException.class)
                .invoke(e -> {
                    if (((ProblemException) e).slug().equals("sold-out")) {
                        metrics.soldOut();
                    }
                });
    }

    private Uni<Void> reserveFromSale(
            SqlClient tx, UUID orderId, Caller buyer, UUID saleId, OrderApi.SaleOrderRequest request) {
        List<OrderApi.SaleLine> lines = new ArrayList<>(request.items());
        lines.sort(Comparator.comparing(OrderApi.SaleLine::itemId));
        long at = clock.millis();
        return orders.claimLiveSale(tx, saleId, lines.size()).flatMap(seq -> {
            if (seq.isEmpty()) {
                return orders.saleExists(tx, saleId).map(exists -> {
                    throw exists
                            ? ProblemException.conflict("sale-not-live", "Sale not live", "The sale is not LIVE")
                            : ProblemException.notFound("Sale", saleId);
                });
            }
            long firstSeq = seq.get() - lines.size() + 1;
            Map<UUID, OrderRepository.Line> taken = new HashMap<>();
            List<SaleEvent> changes = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int i = 0; i < lines.size(); i++) {
                OrderApi.SaleLine line = lines.get(i);
                long lineSeq = firstSeq + i;
                chain = chain.flatMap(x -> orders.takeSaleItem(tx, saleId, line.itemId(), line.quantity())
                        .flatMap(t -> t.isPresent()
                                ? Uni.createFrom().item(t.get())
                                : orders.saleHasItem(tx, saleId, line.itemId()).map(known -> {
                                    throw known
                                            ? soldOut()
                                            : ProblemException.invalid(
                                                    "items.itemId", "is not an item of this sale: " + line.itemId());
                                }))
                        .flatMap(t -> {
                            changes.add(SaleEvent.stock(saleId, line.itemId(), t.remaining(), lineSeq, at));
                            taken.put(
                                    line.itemId(),
                                    new OrderRepository.Line(
                                            t.productId(),
                                            line.itemId(),
                                            t.cooperativeId(),
                                            t.name(),
                                            line.quantity(),
                                            t.unitPriceMinor()));
                            if (line.quantity() > t.perCustomerLimit()) {
                                return Uni.createFrom().failure(limitExceeded(t.perCustomerLimit()));
                            }
                            return orders.addToTally(
                                            tx, buyer.id(), line.itemId(), line.quantity(), t.perCustomerLimit())
                                    .map(ok -> {
                                        if (!ok) {
                                            throw limitExceeded(t.perCustomerLimit());
                                        }
                                        return t;
                                    });
                        })
                        .replaceWithVoid());
            }
            return chain.flatMap(x -> {
                        List<OrderRepository.Line> ordered = request.items().stream()
                                .map(l -> taken.get(l.itemId()))
                                .toList();
                        return insert(
                                tx, orderId, buyer, saleId, ordered, request.shippingAddress(), currencyOf(tx, saleId));
                    })
                    .flatMap(x -> events.publish(tx, changes));
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

    private Uni<String> currencyOf(SqlClient tx, UUID saleId) {
        return tx.preparedQuery("SELECT currency FROM sale WHERE id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(saleId))
                .map(rows -> rows.iterator().next().getString("currency"));
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

    private static ProblemException limitExceeded(int limit) {
        return new ProblemException(
                422,
                "limit-exceeded",
                "Per-customer limit exceeded",
                "At most " + limit + " per customer for this item",
                List.of(new org.originlive.common.Problem.Violation(
                        "items.quantity", "at most " + limit + " per customer")));
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
