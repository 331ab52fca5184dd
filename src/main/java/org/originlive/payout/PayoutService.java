package org.originlive.payout;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Role;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;
import org.originlive.ledger.Bucket;
import org.originlive.ledger.Ledger;

/**
 * Payout requests. One transaction takes the cooperative's ledger lock, checks what is available,
 * writes the payout and moves the money to in transit; the provider is called after commit.
 */
@ApplicationScoped
public class PayoutService {

    private final Transactions transactions;

    private final PayoutRepository payouts;
    private final DestinationRepository destinations;
    private final FxRateRepository rates;
    private final Ledger ledger;
    private final PayoutDispatcher dispatcher;
    private final PayoutSettlement settlement;
    private final Clock clock;

    PayoutService(
            Transactions transactions,
            PayoutRepository payouts,
            DestinationRepository destinations,
            FxRateRepository rates,
            Ledger ledger,
            PayoutDispatcher dispatcher,
            PayoutSettlement settlement,
            Clock clock) {
        this.transactions = transactions;
        this.payouts = payouts;
        this.destinations = destinations;
        this.rates = rates;
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.settlement = settlement;
        this.clock = clock;
    }

    /** A payout and whether it is an earlier request's answer (200) rather than a new one (201). */
    public record Requested(PayoutApi.Payout payout, boolean replayed) {}

    public Uni<Requested> request(Caller caller, UUID cooperativeId, String key, PayoutApi.PayoutRequest request) {
        caller.requireCooperative(cooperativeId);
        requireKey(key);
        Currency currency = Fx.currency("currency", request.currency());
        if (request.amountMinor() != null && request.amountMinor() <= 0) {
            throw ProblemException.invalid("amountMinor", "must be positive");
        }
        String hash = hash(request);
        Instant now = clock.instant();
        return payTo(cooperativeId, currency)
                .flatMap(to -> transactions.inTransaction(tx -> ledger.lock(tx, cooperativeId)
                        .flatMap(x -> payouts.byKey(tx, cooperativeId, key))
                        .flatMap(earlier -> earlier.isPresent()
                                ? Uni.createFrom().item(replay(earlier.get(), hash))
                                : create(tx, cooperativeId, key, hash, currency, request.amountMinor(), to, now)
                                        .map(p -> new Created(p, false)))))
                .invoke(created -> {
                    if (!created.replayed()) {
                        dispatcher.dispatch(created.payout());
                    }
                })
                .map(created -> new Requested(created.payout().view(), created.replayed()));
    }

    public Uni<Page<PayoutApi.Payout>> list(Caller caller, UUID cooperativeId, PageRequest page) {
        caller.requireCooperative(cooperativeId);
        return payouts.page(cooperativeId, page);
    }

    public Uni<PayoutApi.Payout> get(Caller caller, UUID id) {
        return visible(caller, id).map(StoredPayout::view);
    }

    /** An admin settles a BANK_MANUAL payout by hand. */
    public Uni<PayoutApi.Payout> mark(Caller caller, UUID id, PayoutStatus to, String referenceOrReason) {
        if (!caller.is(Role.ADMIN)) {
            throw ProblemException.forbidden("Only an admin settles manual payouts");
        }
        return visible(caller, id).flatMap(p -> {
            if (p.provider() != Provider.BANK_MANUAL) {
                throw new ProblemException(
                        ProblemType.ILLEGAL_TRANSITION, "Only BANK_MANUAL payouts are settled by hand");
            }
            String text = referenceOrReason.trim();
            return settlement
                    .settle(id, to, to == PayoutStatus.SUCCEEDED ? text : null, to == PayoutStatus.FAILED ? text : null)
                    .map(settled -> settled.orElseThrow(() -> new ProblemException(
                                    ProblemType.ILLEGAL_TRANSITION, "A " + p.status() + " payout cannot become " + to))
                            .view());
        });
    }

    private Uni<StoredPayout> visible(Caller caller, UUID id) {
        return payouts.find(transactions.autoCommit(), id).map(found -> {
            StoredPayout p = found.orElseThrow(() -> ProblemException.notFound("Payout", id));
            caller.requireCooperative(p.cooperativeId());
            return p;
        });
    }

    private record Created(StoredPayout payout, boolean replayed) {}

    private static Created replay(StoredPayout earlier, String hash) {
        if (!earlier.requestHash().equals(hash)) {
            throw new ProblemException(
                    ProblemType.IDEMPOTENCY_MISMATCH, "This Idempotency-Key was used with a different request");
        }
        return new Created(earlier, true);
    }

    /** The destination and, when it is paid in another currency, the rate to it; either may be absent (null). */
    private record PayTo(PayoutApi.Destination destination, BigDecimal rate) {}

    // Read before the money transaction (never Hibernate inside it); only admin PUTs change these rows.
    private Uni<PayTo> payTo(UUID cooperativeId, Currency currency) {
        return Panache.withSession(() -> destinations.of(cooperativeId).flatMap(found -> {
            if (found == null || found.currency.equals(currency.getCurrencyCode())) {
                return Uni.createFrom().item(new PayTo(found == null ? null : found.view(), null));
            }
            return rates.of(currency.getCurrencyCode(), found.currency)
                    .map(rate -> new PayTo(found.view(), rate == null ? null : rate.rate));
        }));
    }

    private Uni<StoredPayout> create(
            Tx tx,
            UUID cooperativeId,
            String key,
            String hash,
            Currency currency,
            Long requested,
            PayTo to,
            Instant now) {
        PayoutApi.Destination destination = to.destination();
        if (destination == null) {
            throw new ProblemException(
                    ProblemType.NO_PAYOUT_DESTINATION, "Set a payout destination before requesting a payout");
        }
        Optional<BigDecimal> fx = destination.currency().equals(currency.getCurrencyCode())
                ? Optional.empty()
                : Optional.of(Optional.ofNullable(to.rate())
                        .orElseThrow(() -> new ProblemException(
                                ProblemType.NO_FX_RATE,
                                "No FX rate from " + currency.getCurrencyCode() + " to " + destination.currency())));
        return ledger.balance(tx, cooperativeId, currency.getCurrencyCode(), Bucket.AVAILABLE)
                .map(available -> payout(cooperativeId, hash, currency, requested, available, destination, fx, now))
                .call(p -> payouts.insert(tx, p, key, dispatcher.firstPoll(p.provider(), now)))
                .call(p -> ledger.post(tx, PayoutPostings.submitted(p), now));
    }

    private static StoredPayout payout(
            UUID cooperativeId,
            String hash,
            Currency currency,
            Long requested,
            long available,
            PayoutApi.Destination destination,
            Optional<BigDecimal> fx,
            Instant now) {
        long amount = requested == null ? available : requested;
        if (available <= 0 || amount > available) {
            throw new ProblemException(
                    ProblemType.INSUFFICIENT_FUNDS,
                    "Available " + available + " " + currency.getCurrencyCode() + ", requested " + amount);
        }
        Currency target = Currency.getInstance(destination.currency());
        long destinationAmount =
                fx.map(r -> Fx.convert(amount, currency, target, r)).orElse(amount);
        if (destinationAmount <= 0) {
            throw ProblemException.invalid("amountMinor", "is less than one minor unit of " + target);
        }
        return submitted(cooperativeId, hash, currency, amount, destination, destinationAmount, fx, now);
    }

    private static StoredPayout submitted(
            UUID cooperativeId,
            String hash,
            Currency currency,
            long amount,
            PayoutApi.Destination destination,
            long destinationAmount,
            Optional<BigDecimal> fx,
            Instant now) {
        UUID id = UUID.randomUUID();
        return new StoredPayout(
                id,
                cooperativeId,
                hash,
                amount,
                currency.getCurrencyCode(),
                destinationAmount,
                destination.currency(),
                fx.orElse(null),
                destination.provider(),
                destination.accountName(),
                destination.accountNumber(),
                PayoutStatus.SUBMITTED,
                "NEW",
                id.toString(),
                null,
                null,
                now,
                now);
    }

    private static void requireKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 64 || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw ProblemException.badRequest(
                    "The Idempotency-Key header is required: 1 to 64 visible ASCII characters");
        }
    }

    private static String hash(PayoutApi.PayoutRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((request.currency() + ":" + request.amountMinor()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
