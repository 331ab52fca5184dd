package org.originlive.payout;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Rows;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/** One payout destination per cooperative; a PUT replaces it. */
@ApplicationScoped
@OwnsTables("payout_destination")
public class DestinationRepository {

    private final Tx db;

    DestinationRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    Uni<PayoutApi.Destination> put(UUID cooperativeId, PayoutApi.DestinationRequest d, Instant now) {
        return db.sql()
                .preparedQuery("INSERT INTO payout_destination (cooperative_id, provider, account_name, account_number,"
                        + " currency, updated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (cooperative_id) DO UPDATE"
                        + " SET provider = $2, account_name = $3, account_number = $4, currency = $5, updated_at = $6"
                        + " RETURNING *")
                .execute(Tuple.from(new Object[] {
                    cooperativeId,
                    d.provider().name(),
                    d.accountName().trim(),
                    d.accountNumber().trim(),
                    d.currency(),
                    now.atOffset(ZoneOffset.UTC)
                }))
                .map(rows -> view(rows.iterator().next()));
    }

    Uni<Optional<PayoutApi.Destination>> find(Tx client, UUID cooperativeId) {
        return client.sql()
                .preparedQuery("SELECT * FROM payout_destination WHERE cooperative_id = $1")
                .execute(Tuple.of(cooperativeId))
                .map(rows -> Rows.first(rows).map(DestinationRepository::view));
    }

    private static PayoutApi.Destination view(Row r) {
        return new PayoutApi.Destination(
                r.getUUID("cooperative_id"),
                Provider.valueOf(r.getString("provider")),
                r.getString("account_name"),
                r.getString("account_number"),
                r.getString("currency"),
                r.getOffsetDateTime("updated_at").toInstant());
    }
}
