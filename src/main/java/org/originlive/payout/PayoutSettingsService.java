package org.originlive.payout;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.UUID;
import java.util.regex.Pattern;
import org.originlive.common.Caller;
import org.originlive.common.Failures;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Role;
import org.originlive.common.Upserts;

/** Where each cooperative is paid, and the FX rates admins set. */
@ApplicationScoped
public class PayoutSettingsService {

    /** E.164: a plus sign and 8 to 15 digits, the first not zero. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

    private final DestinationRepository destinations;
    private final FxRateRepository rates;
    private final Clock clock;

    PayoutSettingsService(DestinationRepository destinations, FxRateRepository rates, Clock clock) {
        this.destinations = destinations;
        this.rates = rates;
        this.clock = clock;
    }

    public Uni<PayoutApi.Destination> putDestination(
            Caller caller, UUID cooperativeId, PayoutApi.DestinationRequest request) {
        caller.requireCooperative(cooperativeId);
        Fx.currency("currency", request.currency());
        if (request.provider().mobileMoney()
                && !E164.matcher(request.accountNumber().trim()).matches()) {
            throw ProblemException.invalid(
                    "accountNumber", "must be an E.164 phone number for mobile money, e.g. +250788123456");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Upserts.inTransaction(() -> destinations.of(cooperativeId).flatMap(found -> {
                    PayoutDestination d = found != null ? found : new PayoutDestination();
                    d.cooperativeId = cooperativeId;
                    d.provider = request.provider();
                    d.accountName = request.accountName().trim();
                    d.accountNumber = request.accountNumber().trim();
                    d.currency = request.currency();
                    d.updatedAt = now;
                    return destinations.persist(d);
                }))
                .map(PayoutDestination::view)
                .onFailure(e -> "23503".equals(Failures.sqlState(e)))
                .transform(e -> ProblemException.notFound("Cooperative", cooperativeId));
    }

    public Uni<PayoutApi.Destination> destination(Caller caller, UUID cooperativeId) {
        caller.requireCooperative(cooperativeId);
        return destinations
                .of(cooperativeId)
                .onItem()
                .ifNull()
                .failWith(() -> new ProblemException(
                        ProblemType.NOT_FOUND, "Cooperative " + cooperativeId + " has no payout destination"))
                .map(PayoutDestination::view);
    }

    public Uni<PayoutApi.FxRate> putRate(Caller caller, String from, String to, PayoutApi.FxRateRequest request) {
        requireAdmin(caller);
        Currency source = Fx.currency("from", from);
        Currency target = Fx.currency("to", to);
        if (source.equals(target)) {
            throw ProblemException.invalid("to", "must differ from the source currency");
        }
        BigDecimal rate = Fx.rate("rate", request.rate());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Upserts.inTransaction(() -> rates.of(from, to).flatMap(found -> {
                    ExchangeRate r = found != null ? found : new ExchangeRate();
                    r.fromCurrency = from;
                    r.toCurrency = to;
                    r.rate = rate;
                    r.updatedAt = now;
                    return rates.persist(r);
                }))
                .map(ExchangeRate::view);
    }

    public Uni<PayoutApi.FxRateList> rates(Caller caller) {
        requireAdmin(caller);
        return rates.all()
                .map(all -> new PayoutApi.FxRateList(
                        all.stream().map(ExchangeRate::view).toList()));
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.is(Role.ADMIN)) {
            throw ProblemException.forbidden("Only an admin may do this");
        }
    }
}
