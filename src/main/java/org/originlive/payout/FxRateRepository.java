package org.originlive.payout;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.originlive.common.OwnsTables;

/** Admin-set FX rates, one per (from, to) pair. */
@ApplicationScoped
@OwnsTables("fx_rate")
public class FxRateRepository implements PanacheRepositoryBase<ExchangeRate, ExchangeRate.Pair> {

    /** The rate from one currency to another, or null. */
    @WithSession
    Uni<ExchangeRate> of(String from, String to) {
        return findById(new ExchangeRate.Pair(from, to));
    }

    @WithSession
    Uni<List<ExchangeRate>> all() {
        return listAll(Sort.by("fromCurrency").and("toCurrency"));
    }
}
