package org.originlive.order;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Role;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;
import org.originlive.fulfillment.FulfillmentService;
import org.originlive.payment.PaymentProvider;
import org.originlive.payment.PaymentProviders;

/** Reading, paying and cancelling orders. */
@ApplicationScoped
public class OrderService {

    private final Transactions transactions;

    private final OrderRepository orders;
    private final FulfillmentService fulfillments;
    private final Restock restock;
    private final PaymentProviders providers;
    private final PaidOrderRefunds refunds;
    private final OrderPayment payment;
    private final Clock clock;

    OrderService(
            Transactions transactions,
            OrderRepository orders,
            FulfillmentService fulfillments,
            Restock restock,
            PaymentProviders providers,
            PaidOrderRefunds refunds,
            OrderPayment payment,
            Clock clock) {
        this.payment = payment;
        this.transactions = transactions;
        this.orders = orders;
        this.fulfillments = fulfillments;
        this.restock = restock;
        this.providers = providers;
        this.refunds = refunds;
        this.clock = clock;
    }

    /** Stores orders that checkout placed, inside checkout's transaction. */
    public Uni<Void> record(Tx tx, List<NewOrder> placed) {
        return orders.insertAll(tx, placed);
    }

    public Uni<OrderApi.OrderView> view(UUID id) {
        return orders.find(transactions.autoCommit(), id, false)
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().failure(ProblemException.notFound("Order", id))
                        : view(found.get()));
    }

    /** The buyer's own order, or any for an admin; 404 for everyone else, so ids do not leak. */
    public Uni<OrderApi.OrderView> get(Caller caller, UUID id) {
        return orders.find(transactions.autoCommit(), id, false).flatMap(found -> {
            if (found.isEmpty() || !mayRead(caller, found.get())) {
                return Uni.createFrom().failure(ProblemException.notFound("Order", id));
            }
            return view(found.get());
        });
    }

    /** A page of the buyer's orders: three queries whatever the page size. */
    public Uni<Page<OrderApi.OrderView>> list(Caller buyer, PageRequest page) {
        return orders.byBuyer(buyer.id(), page)
                .flatMap(p -> views(p.items()).map(list -> new Page<>(list, p.page(), p.size(), p.total())));
    }

    /**
     * Charges the buyer, then marks the order PAID and splits it into one fulfilment per
     * cooperative, in one transaction. Paying a PAID order returns it unchanged; the provider is
     * keyed by order id, so a retried charge never takes money twice.
     */
    public Uni<OrderApi.OrderView> pay(Caller buyer, UUID id, String method) {
        PaymentProvider provider = providers
                .forMethod(method)
                .orElseThrow(() -> ProblemException.invalid("method", "unknown payment method: " + method));
        return orders.find(transactions.autoCommit(), id, false).flatMap(found -> {
            if (found.isEmpty() || !found.get().buyerId().equals(buyer.id())) {
                return Uni.createFrom().failure(ProblemException.notFound("Order", id));
            }
            StoredOrder order = found.get();
            if (order.status() == OrderStatus.PAID) {
                return view(order);
            }
            requirePayable(order, clock.instant());
            return provider.charge(id, order.totalMinor(), order.currency())
                    .flatMap(reference -> settle(order, provider, reference))
                    .flatMap(x -> view(id));
        });
    }

    private Uni<Void> settle(StoredOrder order, PaymentProvider provider, String reference) {
        Instant now = clock.instant();
        return transactions
                .inTransaction(tx -> orders.find(tx, order.id(), true)
                        .flatMap(locked -> locked.get().status() == OrderStatus.PAID
                                ? Uni.createFrom().item(true)
                                : payment.markPaid(tx, order.id(), provider.method(), reference, now, true)))
                .flatMap(paid -> {
                    if (paid) {
                        return Uni.createFrom().voidItem();
                    }
                    // The hold ran out between the charge and the commit: give the money back.
                    return provider.refund(order.id(), reference, order.totalMinor(), order.currency())
                            .flatMap(x -> Uni.createFrom().failure(notPayable("The reservation expired")));
                });
    }

    /**
     * Buyer cancels while RESERVED, or PAID with nothing shipped: stock returns, fulfilments end,
     * and a paid order records a SUCCEEDED refund of everything.
     */
    public Uni<OrderApi.OrderView> cancel(Caller buyer, UUID id) {
        Instant now = clock.instant();
        return transactions
                .inTransaction(tx -> orders.find(tx, id, true).flatMap(found -> {
                    if (found.isEmpty() || !found.get().buyerId().equals(buyer.id())) {
                        return Uni.createFrom().failure(ProblemException.notFound("Order", id));
                    }
                    return cancel(tx, found.get(), now);
                }))
                .flatMap(order -> order.status() == OrderStatus.PAID
                        ? refundAtProvider(order)
                        : Uni.createFrom().voidItem())
                .flatMap(x -> view(id));
    }

    /** Closes the locked order if it may be: stock back, or for a paid one everything refunded. */
    private Uni<StoredOrder> cancel(Tx tx, StoredOrder order, Instant now) {
        UUID id = order.id();
        Uni<Boolean> allowed =
                switch (order.status()) {
                    case RESERVED -> Uni.createFrom().item(true);
                    case PAID -> fulfillments.anyShipped(tx, id).map(shipped -> !shipped);
                    default -> Uni.createFrom().item(false);
                };
        return allowed.flatMap(ok -> {
            if (!ok) {
                throw new ProblemException(
                        ProblemType.ORDER_NOT_CANCELLABLE,
                        "Only a RESERVED order, or a PAID one with nothing shipped, can be cancelled");
            }
            if (order.status() == OrderStatus.PAID) {
                // Paid money goes back the way every refund does: ledger, restock, fulfilments end.
                return refunds.refundAll(tx, order, "Order cancelled by the buyer", now)
                        .flatMap(x -> orders.close(tx, id, OrderStatus.PAID, OrderStatus.CANCELLED, now))
                        .replaceWith(order);
            }
            return orders.close(tx, id, order.status(), OrderStatus.CANCELLED, now)
                    .flatMap(x -> orders.lines(tx, id))
                    .flatMap(lines -> restock.giveBack(tx, order, lines))
                    .replaceWith(order);
        });
    }

    private Uni<Void> refundAtProvider(StoredOrder order) {
        return providers
                .forMethod(order.paymentMethod())
                .map(p -> p.refund(order.id(), order.paymentReference(), order.totalMinor(), order.currency()))
                .orElseGet(() -> {
                    Log.errorf("Order %s was paid by an unknown method; refund by hand", order.id());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<OrderApi.OrderView> view(StoredOrder order) {
        return views(List.of(order)).map(list -> list.get(0));
    }

    private Uni<List<OrderApi.OrderView>> views(List<StoredOrder> stored) {
        if (stored.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = stored.stream().map(StoredOrder::id).toList();
        return Uni.combine()
                .all()
                .unis(orders.lines(transactions.autoCommit(), ids), fulfillments.refs(transactions.autoCommit(), ids))
                .asTuple()
                .map(t -> stored.stream()
                        .map(order -> new OrderApi.OrderView(
                                order.id(),
                                order.buyerId(),
                                order.saleId(),
                                order.source(),
                                order.status(),
                                order.totalMinor(),
                                order.currency(),
                                order.reservedUntil(),
                                order.createdAt(),
                                t.getItem1().getOrDefault(order.id(), List.of()).stream()
                                        .map(OrderLine::view)
                                        .toList(),
                                t.getItem2().getOrDefault(order.id(), List.of())))
                        .toList());
    }

    private static boolean mayRead(Caller caller, StoredOrder order) {
        return caller.is(Role.ADMIN) || order.buyerId().equals(caller.id());
    }

    private static void requirePayable(StoredOrder order, Instant now) {
        if (order.status() != OrderStatus.RESERVED) {
            throw notPayable("A " + order.status() + " order cannot be paid");
        }
        if (!order.reservedUntil().isAfter(now)) {
            throw notPayable("The reservation expired");
        }
    }

    private static ProblemException notPayable(String detail) {
        return new ProblemException(ProblemType.ORDER_NOT_PAYABLE, detail);
    }
}
