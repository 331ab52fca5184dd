package org.originlive.payout;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.originlive.common.OwnsTables;
import org.originlive.common.Rows;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/** Admin-set FX rates, one per (from, to) pair. */
@ApplicationScoped
@OwnsTables("fx_rate")
public class FxRateRepository {

    private final Tx db;

    FxRateRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    Uni<PayoutApi.FxRate> put(String from, String to, BigDecimal rate, Instant now) {
        return db.sql()
                .preparedQuery("INSERT INTO fx_rate (from_currency, to_currency, rate, updated_at)"
                        + " VALUES ($1, $2, $3, $4) ON CONFLICT (from_currency, to_currency) DO UPDATE"
                        + " SET rate = $3, updated_at = $4 RETURNING *")
                .execute(Tuple.of(from, to, rate, now.atOffset(ZoneOffset.UTC)))
                .map(rows -> view(rows.iterator().next()));
    }

    Uni<Optional<BigDecimal>> rate(Tx client, String from, String to) {
        return client.sql()
                .preparedQuery("SELECT rate FROM fx_rate WHERE from_currency = $1 AND to_currency = $2")
                .execute(Tuple.of(from, to))
                .map(rows -> Rows.first(rows).map(r -> r.getBigDecimal("rate")));
    }

    Uni<List<PayoutApi.FxRate>> all() {
        return db.sql()
                .query("SELECT * FROM fx_rate ORDER BY from_currency, to_currency")
                .execute()
                .map(rows -> {
                    List<PayoutApi.FxRate> out = new ArrayList<>();
                    rows.forEach(r -> out.add(view(r)));
                    return out;
                });
    }

    private static PayoutApi.FxRate view(Row r) {
        return new PayoutApi.FxRate(
                r.getString("from_currency"),
                r.getString("to_currency"),
                r.getBigDecimal("rate").stripTrailingZeros().toPlainString(),
                r.getOffsetDateTime("updated_at").toInstant());
    }
}
