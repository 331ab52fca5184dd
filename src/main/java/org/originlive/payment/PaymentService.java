package org.originlive.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.Failures;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.RequestKeys;
import org.originlive.common.RetryLater;
import org.originlive.common.Role;
import org.originlive.common.Transactions;

/**
 * Opening payments and reading them. A payment is stored PENDING before its provider is called,
 * so whatever the provider does next can be matched to it; the order is never PAID here, only by
 * {@link PaymentSettlement} on the provider's word.
 */
@ApplicationScoped
public class PaymentService {

    /** Answered to a caller and stored: the payment, and whether it was made by an earlier request. */
    public record Opened(PaymentApi.Payment payment, boolean replayed) {}

    private final Transactions transactions;
    private final PaymentRepository payments;
    private final PayableOrders orders;
    private final Gateways gateways;
    private final PaymentClosing closing;
    private final PaymentConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    PaymentService(
            Transactions transactions,
            PaymentRepository payments,
            PayableOrders orders,
            Gateways gateways,
            PaymentClosing closing,
            PaymentConfig config,
            ObjectMapper json,
            Clock clock) {
        this.transactions = transactions;
        this.payments = payments;
        this.orders = orders;
        this.gateways = gateways;
        this.closing = closing;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** Opens a payment of the buyer's RESERVED order; the same key and body give the same payment. */
    public Uni<Opened> open(Caller buyer, UUID orderId, String key, PaymentApi.CreatePayment body, String clientIp) {
        RequestKeys.require(key);
        if (body.channel() == Channel.JSAPI && body.provider() == Provider.WECHAT_PAY && body.payerOpenId() == null) {
            throw ProblemException.invalid("payerOpenId", "is required for WECHAT_PAY JSAPI");
        }
        PaymentGateway gateway = gateways.require(body.provider(), body.channel());
        String hash = RequestKeys.hash(json, "payment:" + orderId, body);
        return payments.byKey(buyer.id(), key)
                .flatMap(earlier -> earlier.isPresent()
                        ? Uni.createFrom().item(replay(earlier.get(), orderId, hash))
                        : fresh(buyer, orderId, key, hash, body, gateway, clientIp));
    }

    private static Opened replay(StoredPayment earlier, UUID orderId, String hash) {
        if (!earlier.orderId().equals(orderId) || !earlier.requestHash().equals(hash)) {
            throw new ProblemException(
                    ProblemType.IDEMPOTENCY_MISMATCH, "This Idempotency-Key was used for another payment request");
        }
        return new Opened(earlier.view(), true);
    }

    private Uni<Opened> fresh(
            Caller buyer,
            UUID orderId,
            String key,
            String hash,
            PaymentApi.CreatePayment body,
            PaymentGateway gateway,
            String clientIp) {
        return orders.find(transactions.autoCommit(), orderId, false)
                .map(found -> payable(
                        found.filter(o -> o.buyerId().equals(buyer.id())).orElse(null), orderId, body))
                .flatMap(order -> closing.closeEarlier(orderId).replaceWith(order))
                .flatMap(order -> store(order, key, hash, body)
                        .flatMap(opened -> call(gateway, opened, body, clientIp, order.description())))
                .onFailure(Failures::isUniqueViolation)
                .recoverWithUni(e -> payments.byKey(buyer.id(), key).map(earlier -> earlier.map(
                                p -> replay(p, orderId, hash))
                        .orElseThrow(() -> new ProblemException(
                                ProblemType.CONCURRENT_UPDATE, "Another payment of this order is being opened"))));
    }

    private PayableOrders.Payable payable(PayableOrders.Payable order, UUID orderId, PaymentApi.CreatePayment body) {
        if (order == null) {
            throw ProblemException.notFound("Order", orderId);
        }
        if (!order.reserved() || !order.reservedUntil().isAfter(clock.instant())) {
            throw new ProblemException(ProblemType.ORDER_NOT_PAYABLE, "Only a RESERVED order can be paid");
        }
        if (body.provider() != Provider.SANDBOX && !"CNY".equals(order.currency())) {
            throw ProblemException.invalid(
                    "provider", body.provider() + " takes CNY; this order is in " + order.currency());
        }
        return order;
    }

    /** The PENDING row, under the order's lock, so an order that expired meanwhile gets none. */
    private Uni<Opened> store(PayableOrders.Payable order, String key, String hash, PaymentApi.CreatePayment body) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        StoredPayment p = new StoredPayment(
                id,
                order.id(),
                order.buyerId(),
                body.provider(),
                body.channel(),
                PaymentStatus.PENDING,
                order.totalMinor(),
                order.currency(),
                StoredPayment.outTradeNo(id),
                null,
                null,
                order.reservedUntil(),
                hash,
                0,
                null,
                now);
        return transactions
                .inTransaction(tx -> orders.find(tx, order.id(), true).flatMap(locked -> {
                    if (locked.isEmpty() || !locked.get().reserved()) {
                        throw new ProblemException(ProblemType.ORDER_NOT_PAYABLE, "Only a RESERVED order can be paid");
                    }
                    return payments.insert(tx, p, key, now.plus(config.queryAfter()));
                }))
                .replaceWith(new Opened(p.view(), false));
    }

    /** Opens the provider's trade; if that fails, the payment is FAILED and the order stays payable. */
    private Uni<Opened> call(
            PaymentGateway gateway, Opened opened, PaymentApi.CreatePayment body, String clientIp, String description) {
        PaymentApi.Payment p = opened.payment();
        PaymentGateway.Trade trade = new PaymentGateway.Trade(
                StoredPayment.outTradeNo(p.id()),
                p.channel(),
                p.amountMinor(),
                p.currency(),
                description,
                p.expiresAt(),
                config.notifyUrl(p.provider()),
                body.payerOpenId(),
                clientIp);
        return gateway.open(trade)
                .flatMap(action ->
                        payments.setAction(p.id(), action).replaceWith(new Opened(withAction(p, action), false)))
                .onFailure(PaymentGateway.GatewayException.class)
                .recoverWithUni(e -> closing.failed(p.id())
                        .flatMap(x -> Uni.createFrom().<Opened>failure(refusal((PaymentGateway.GatewayException) e))));
    }

    private static PaymentApi.Payment withAction(PaymentApi.Payment p, PaymentGateway.Action action) {
        return new PaymentApi.Payment(
                p.id(),
                p.orderId(),
                p.provider(),
                p.channel(),
                p.status(),
                p.amountMinor(),
                p.currency(),
                p.expiresAt(),
                PaymentApi.Action.of(action));
    }

    private static ProblemException refusal(PaymentGateway.GatewayException e) {
        if (e.unreachable()) {
            return new RetryLater(ProblemType.UNAVAILABLE, "The payment provider did not answer; try again", 5, null);
        }
        return new ProblemException(ProblemType.PAYMENT_REFUSED, "The payment provider refused: " + e.getMessage());
    }

    /** The order's payments, newest first: its buyer or an admin; 404 for everyone else. */
    public Uni<PaymentApi.PaymentList> ofOrder(Caller caller, UUID orderId) {
        return orders.find(transactions.autoCommit(), orderId, false).flatMap(found -> {
            if (found.isEmpty()
                    || !(caller.is(Role.ADMIN) || found.get().buyerId().equals(caller.id()))) {
                throw ProblemException.notFound("Order", orderId);
            }
            return payments.ofOrder(orderId)
                    .map(list -> new PaymentApi.PaymentList(
                            list.stream().map(StoredPayment::view).toList()));
        });
    }
}
