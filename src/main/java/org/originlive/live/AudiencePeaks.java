package org.originlive.live;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.originlive.common.OwnsTables;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * The largest audience of each sale, kept in the database so every replica reports the same
 * peak. Each replica writes only when the (replica-summed) count it sees beats what it last
 * wrote, so a steady room costs no writes; GREATEST makes racing replicas harmless.
 */
@ApplicationScoped
@OwnsTables("sale_audience")
class AudiencePeaks {

    private final Map<UUID, Long> written = new ConcurrentHashMap<>();
    private final Tx db;

    AudiencePeaks(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    void observe(UUID saleId, long viewers) {
        Long before = written.get(saleId);
        if (viewers <= 0 || before != null && viewers <= before) {
            return;
        }
        written.put(saleId, viewers);
        db.sql()
                .preparedQuery("INSERT INTO sale_audience (sale_id, peak_viewers) VALUES ($1, $2)"
                        + " ON CONFLICT (sale_id) DO UPDATE"
                        + " SET peak_viewers = GREATEST(sale_audience.peak_viewers, EXCLUDED.peak_viewers)")
                .execute(Tuple.of(saleId, viewers))
                .subscribe()
                .with(ok -> {}, failure -> {
                    written.remove(saleId, viewers);
                    Log.debugf("Peak audience of %s not saved: %s", saleId, failure);
                });
    }

    /** The sale's largest audience so far (0 when nobody has watched). */
    Uni<Long> peak(UUID saleId) {
        return db.sql()
                .preparedQuery("SELECT peak_viewers FROM sale_audience WHERE sale_id = $1")
                .execute(Tuple.of(saleId))
                .map(rows -> rows.size() == 0 ? 0L : rows.iterator().next().getLong("peak_viewers"));
    }

    void forget(UUID saleId) {
        written.remove(saleId);
    }
}
