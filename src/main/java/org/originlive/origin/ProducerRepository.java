package org.originlive.origin;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.Rows;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/** Cooperative members in SQL; every list is scoped by cooperative in the query itself. */
@ApplicationScoped
@OwnsTables("producer")
public class ProducerRepository {

    private static final String COLUMNS = "id, cooperative_id, member_code, display_name, public_consent, region";

    private final Tx db;

    ProducerRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    /** The cooperative's region, or empty when there is no such cooperative. */
    public Uni<Optional<String>> cooperativeRegion(Tx client, UUID cooperativeId) {
        return client.sql()
                .preparedQuery("SELECT region FROM cooperative WHERE id = $1")
                .execute(Tuple.of(cooperativeId))
                .map(rows -> Rows.first(rows).map(r -> r.getString("region")));
    }

    public Uni<Void> insert(Tx tx, OriginApi.Producer p, Instant now) {
        return tx.sql()
                .preparedQuery("INSERT INTO producer (" + COLUMNS + ", created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.from(List.of(
                        p.id(),
                        p.cooperativeId(),
                        p.memberCode(),
                        p.displayName(),
                        p.publicConsent(),
                        p.region(),
                        now.atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    public Uni<Optional<OriginApi.Producer>> find(Tx client, UUID id) {
        return client.sql()
                .preparedQuery("SELECT " + COLUMNS + " FROM producer WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows).map(ProducerRepository::producer));
    }

    /** The producers with these ids (those that exist). */
    public Uni<List<OriginApi.Producer>> findAll(Tx client, List<UUID> ids) {
        return client.sql()
                .preparedQuery("SELECT " + COLUMNS + " FROM producer WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(ProducerRepository::producers);
    }

    public Uni<Page<OriginApi.Producer>> page(UUID cooperativeId, PageRequest page) {
        Uni<List<OriginApi.Producer>> items = db.sql()
                .preparedQuery("SELECT " + COLUMNS
                        + " FROM producer WHERE cooperative_id = $1 ORDER BY member_code LIMIT $2 OFFSET $3")
                .execute(Tuple.of(cooperativeId, page.size(), page.offset()))
                .map(ProducerRepository::producers);
        Uni<Long> total = db.sql()
                .preparedQuery("SELECT count(*) AS n FROM producer WHERE cooperative_id = $1")
                .execute(Tuple.of(cooperativeId))
                .map(rows -> rows.iterator().next().getLong("n"));
        return Uni.combine()
                .all()
                .unis(items, total)
                .asTuple()
                .map(t -> new Page<>(t.getItem1(), page.page(), page.size(), t.getItem2()));
    }

    private static List<OriginApi.Producer> producers(Iterable<Row> rows) {
        List<OriginApi.Producer> list = new ArrayList<>();
        rows.forEach(r -> list.add(producer(r)));
        return list;
    }

    private static OriginApi.Producer producer(Row r) {
        return new OriginApi.Producer(
                r.getUUID("id"),
                r.getUUID("cooperative_id"),
                r.getString("member_code"),
                r.getString("display_name"),
                r.getBoolean("public_consent"),
                r.getString("region"));
    }
}
