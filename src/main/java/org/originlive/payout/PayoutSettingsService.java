package org.originlive.payout;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Currency;
import java.util.UUID;
import java.util.regex.Pattern;
import org.originlive.common.Caller;
import org.originlive.common.Failures;
import org.originlive.common.ProblemException;
import org.originlive.common.Role;
import org.originlive.common.Transactions;

/** Where each cooperative is paid, and the FX rates admins set. */
@ApplicationScoped
public class PayoutSettingsService {

    private final Transactions transactions;

    /** E.164: a plus sign and 8 to 15 digits, the first not zero. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

    private final DestinationRepository destinations;
    private final FxRateRepository rates;
    private final Clock clock;

    PayoutSettingsService(
            Transactions transactions, DestinationRepository destinations, FxRateRepository rates, Clock clock) {
        this.transactions = transactions;
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
        return destinations
                .put(cooperativeId, request, clock.instant())
                .onFailure(e -> "23503".equals(Failures.sqlState(e)))
                .transform(e -> ProblemException.notFound("Cooperative", cooperativeId));
    }

    public Uni<PayoutApi.Destination> destination(Caller caller, UUID cooperativeId) {
        caller.requireCooperative(cooperativeId);
        return destinations
                .find(transactions.autoCommit(), cooperativeId)
                .map(found -> found.orElseThrow(() -> new ProblemException(
                        org.originlive.common.ProblemType.NOT_FOUND,
                        "Cooperative " + cooperativeId + " has no payout destination")));
    }

    public Uni<PayoutApi.FxRate> putRate(Caller caller, String from, String to, PayoutApi.FxRateRequest request) {
        requireAdmin(caller);
        Currency source = Fx.currency("from", from);
        Currency target = Fx.currency("to", to);
        if (source.equals(target)) {
            throw ProblemException.invalid("to", "must differ from the source currency");
        }
        return rates.put(from, to, Fx.rate("rate", request.rate()), clock.instant());
    }

    public Uni<PayoutApi.FxRateList> rates(Caller caller) {
        requireAdmin(caller);
        return rates.all().map(PayoutApi.FxRateList::new);
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.is(Role.ADMIN)) {
            throw ProblemException.forbidden("Only an admin may do this");
        }
    }
}
