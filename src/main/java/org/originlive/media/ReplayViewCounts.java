package org.originlive.media;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;
import org.originlive.live.ReplayViews;

/**
 * Replay views: one row per sale, hour and keyed hash of the viewer, so a viewer counts once an
 * hour and nobody's identity is kept. Raw SQL: an insert that ignores a repeat is one statement.
 */
@ApplicationScoped
@OwnsTables("media_replay_view")
public class ReplayViewCounts implements ReplayViews {

    private final Tx db;
    private final MediaSecrets secrets;

    ReplayViewCounts(Transactions transactions, MediaSecrets secrets) {
        this.db = transactions.autoCommit();
        this.secrets = secrets;
    }

    /** Counts {@code viewer} (a user id, or an address and browser) for this hour unless it was already. */
    Uni<Void> viewed(UUID saleId, String viewer, Instant at) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        byte[] hash = secrets.viewerHash(saleId, hour, viewer);
        return db.sql()
                .preparedQuery("INSERT INTO media_replay_view (sale_id, hour, viewer) VALUES ($1, $2, $3)"
                        + " ON CONFLICT DO NOTHING")
                .execute(Tuple.of(saleId, hour.atOffset(ZoneOffset.UTC), io.vertx.core.buffer.Buffer.buffer(hash)))
                .replaceWithVoid();
    }

    @Override
    public Uni<Long> of(UUID saleId) {
        return db.sql()
                .preparedQuery("SELECT count(*) AS views FROM media_replay_view WHERE sale_id = $1")
                .execute(Tuple.of(saleId))
                .map(rows -> rows.iterator().next().getLong("views"));
    }
}
