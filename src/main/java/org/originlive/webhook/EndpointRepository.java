package org.originlive.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Rows;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/** Webhook endpoints; secrets arrive and leave encrypted (WebhookSecrets seals them). */
@ApplicationScoped
@OwnsTables("webhook_endpoint")
public class EndpointRepository {

    /** An endpoint as stored: secrets still encrypted. */
    record Stored(
            UUID id,
            UUID cooperativeId,
            String url,
            List<String> events,
            String secret,
            String previousSecret,
            Instant previousUntil,
            Instant createdAt) {

        WebhookApi.Endpoint view() {
            return new WebhookApi.Endpoint(id, url, events, createdAt, previousUntil);
        }

        WebhookApi.EndpointWithSecret view(String plainSecret) {
            return new WebhookApi.EndpointWithSecret(id, url, events, createdAt, previousUntil, plainSecret);
        }
    }

    private static final String COLUMNS =
            "id, cooperative_id, url, events, secret, previous_secret, previous_until, created_at";

    private final Tx db;

    EndpointRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    /** The cooperative's endpoints, serialised per cooperative until {@code tx} ends (for the limit). */
    Uni<Long> lockAndCount(Tx tx, UUID cooperativeId) {
        return tx.sql()
                .preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended('webhooks:' || $1, 0))")
                .execute(Tuple.of(cooperativeId.toString()))
                .flatMap(x -> tx.sql()
                        .preparedQuery("SELECT count(*) AS n FROM webhook_endpoint WHERE cooperative_id = $1")
                        .execute(Tuple.of(cooperativeId)))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    Uni<Stored> insert(Tx tx, UUID id, UUID cooperativeId, String url, List<String> events, String secret) {
        return tx.sql()
                .preparedQuery("INSERT INTO webhook_endpoint (id, cooperative_id, url, events, secret)"
                        + " VALUES ($1, $2, $3, $4, $5) RETURNING " + COLUMNS)
                .execute(Tuple.of(id, cooperativeId, url, events.toArray(String[]::new), secret))
                .map(rows -> stored(rows.iterator().next()));
    }

    Uni<List<Stored>> list(UUID cooperativeId) {
        return db.sql()
                .preparedQuery("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE cooperative_id = $1"
                        + " ORDER BY created_at, id")
                .execute(Tuple.of(cooperativeId))
                .map(rows -> {
                    List<Stored> list = new ArrayList<>();
                    rows.forEach(r -> list.add(stored(r)));
                    return list;
                });
    }

    /** The endpoint if it is this cooperative's. */
    Uni<Optional<Stored>> find(UUID cooperativeId, UUID id) {
        return db.sql()
                .preparedQuery("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = $1 AND cooperative_id = $2")
                .execute(Tuple.of(id, cooperativeId))
                .map(rows -> Rows.first(rows).map(EndpointRepository::stored));
    }

    Uni<Boolean> delete(UUID cooperativeId, UUID id) {
        return db.sql()
                .preparedQuery("DELETE FROM webhook_endpoint WHERE id = $1 AND cooperative_id = $2")
                .execute(Tuple.of(id, cooperativeId))
                .map(rows -> rows.rowCount() > 0);
    }

    /** The current secret becomes the previous one (signing until {@code until}); {@code secret} the new one. */
    Uni<Optional<Stored>> rotate(UUID cooperativeId, UUID id, String secret, Instant until) {
        return db.sql()
                .preparedQuery("UPDATE webhook_endpoint SET previous_secret = secret, secret = $3, previous_until = $4"
                        + " WHERE id = $1 AND cooperative_id = $2 RETURNING " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(id, cooperativeId, secret, until.atOffset(ZoneOffset.UTC))))
                .map(rows -> Rows.first(rows).map(EndpointRepository::stored));
    }

    /** The cooperative's endpoints that listen for {@code type}, read in the event's transaction. */
    Uni<List<UUID>> listening(Tx tx, UUID cooperativeId, String type) {
        return tx.sql()
                .preparedQuery("SELECT id FROM webhook_endpoint WHERE cooperative_id = $1 AND $2 = ANY (events)")
                .execute(Tuple.of(cooperativeId, type))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID("id")));
                    return ids;
                });
    }

    private static Stored stored(Row r) {
        OffsetDateTime until = r.getOffsetDateTime("previous_until");
        return new Stored(
                r.getUUID("id"),
                r.getUUID("cooperative_id"),
                r.getString("url"),
                Arrays.asList(r.getArrayOfStrings("events")),
                r.getString("secret"),
                r.getString("previous_secret"),
                until == null ? null : until.toInstant(),
                r.getOffsetDateTime("created_at").toInstant());
    }
}
