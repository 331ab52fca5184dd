package org.originlive.sale;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
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

/**
 * Sales and their items in SQL; stock ({@link SaleStock}) and seq ({@link SaleEvents}) have their
 * own owners. Raw SQL: a sale moves in one conditional UPDATE inside the transaction that also
 * returns its stock and numbers its events.
 */
@ApplicationScoped
@OwnsTables({"sale", "sale_item"})
public class SaleRepository {

    private static final String SALE_COLUMNS =
            "id, host_id, title, stream_url, starts_at, ends_at, status, currency, pinned_item_id, seq, source_lang";
    private static final String ITEM_COLUMNS = "id, sale_id, product_id, cooperative_id, name, sale_price_minor,"
            + " currency, quantity, remaining, per_customer_limit";

    private final Tx db;

    SaleRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    public Uni<Void> insertSale(Tx tx, SaleApi.SaleView sale) {
        return tx.sql()
                .preparedQuery("INSERT INTO sale (id, host_id, title, stream_url, starts_at, ends_at, status, currency,"
                        + " source_lang) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.from(java.util.Arrays.asList(
                        sale.id(),
                        sale.hostId(),
                        sale.title(),
                        sale.streamUrl(),
                        utc(sale.startsAt()),
                        utc(sale.endsAt()),
                        sale.status().name(),
                        sale.currency(),
                        sale.sourceLang())))
                .replaceWithVoid();
    }

    public Uni<Void> insertItems(Tx tx, UUID saleId, List<SaleApi.SaleItemView> items) {
        List<Tuple> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SaleApi.SaleItemView item = items.get(i);
            rows.add(Tuple.from(List.of(
                    item.id(),
                    saleId,
                    i,
                    item.productId(),
                    item.cooperativeId(),
                    item.name(),
                    item.salePriceMinor(),
                    item.currency(),
                    item.quantity(),
                    item.remaining(),
                    item.perCustomerLimit())));
        }
        return tx.sql()
                .preparedQuery("INSERT INTO sale_item (id, sale_id, position, product_id, cooperative_id, name,"
                        + " sale_price_minor, currency, quantity, remaining, per_customer_limit)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                .executeBatch(rows)
                .replaceWithVoid();
    }

    public Uni<Optional<SaleApi.SaleView>> find(Tx client, UUID id) {
        return client.sql()
                .preparedQuery("SELECT " + SALE_COLUMNS + " FROM sale WHERE id = $1")
                .execute(Tuple.of(id))
                .flatMap(rows -> Rows.first(rows)
                        .map(row -> items(client, List.of(id)).map(items -> Optional.of(sale(row, items))))
                        .orElseGet(() -> Uni.createFrom().item(Optional.empty())));
    }

    public Uni<Optional<SaleApi.SaleView>> find(UUID id) {
        return find(db, id);
    }

    /**
     * One indexed read of the sale row alone; empty when there is no such sale. {@code shared}: the
     * row stays share-locked until {@code client}'s transaction ends.
     */
    public Uni<Optional<SaleFacts>> facts(Tx client, UUID id, boolean shared) {
        return client.sql()
                .preparedQuery("SELECT id, host_id, status, starts_at, ends_at, currency FROM sale WHERE id = $1"
                        + (shared ? " FOR SHARE" : ""))
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows)
                        .map(r -> new SaleFacts(
                                r.getUUID("id"),
                                r.getUUID("host_id"),
                                SaleStatus.valueOf(r.getString("status")),
                                r.getOffsetDateTime("starts_at").toInstant(),
                                r.getOffsetDateTime("ends_at").toInstant(),
                                r.getString("currency"))));
    }

    /** The cooperatives whose products the sale offers. */
    public Uni<List<UUID>> cooperatives(UUID saleId) {
        return db.sql()
                .preparedQuery("SELECT DISTINCT cooperative_id FROM sale_item WHERE sale_id = $1")
                .execute(Tuple.of(saleId))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID("cooperative_id")));
                    return ids;
                });
    }

    /** Sales by start time, optionally of one status and one host. */
    public Uni<Page<SaleApi.SaleView>> list(SaleStatus status, UUID hostId, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        List<Object> filters = new ArrayList<>();
        if (status != null) {
            filters.add(status.name());
            conditions.add("status = $" + filters.size());
        }
        if (hostId != null) {
            filters.add(hostId);
            conditions.add("host_id = $" + filters.size());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        Tuple args = Tuple.from(filters).addValue(page.size()).addValue(page.offset());
        int limit = filters.size() + 1;
        Uni<RowSet<Row>> rows = db.sql()
                .preparedQuery("SELECT " + SALE_COLUMNS + " FROM sale" + where + " ORDER BY starts_at, id LIMIT $"
                        + limit + " OFFSET $" + (limit + 1))
                .execute(args);
        Uni<Long> total = db.sql()
                .preparedQuery("SELECT count(*) AS n FROM sale" + where)
                .execute(Tuple.from(filters))
                .map(r -> r.iterator().next().getLong("n"));
        return Uni.combine().all().unis(rows, total).asTuple().flatMap(t -> {
            List<Row> saleRows = new ArrayList<>();
            t.getItem1().forEach(saleRows::add);
            List<UUID> ids = saleRows.stream().map(r -> r.getUUID("id")).toList();
            return items(db, ids)
                    .map(items -> new Page<>(
                            saleRows.stream().map(r -> sale(r, items)).toList(),
                            page.page(),
                            page.size(),
                            t.getItem2()));
        });
    }

    /** Moves the sale to {@code to} if its state allows; true when this statement made the move. */
    public Uni<Boolean> transition(Tx tx, UUID id, SaleStatus to) {
        String[] from = to.allowedFrom().stream().map(Enum::name).toArray(String[]::new);
        return tx.sql()
                .preparedQuery("UPDATE sale SET status = $2 WHERE id = $1 AND status = ANY($3)")
                .execute(Tuple.of(id, to.name(), from))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Pins an item of an open sale; false when the sale is closed. */
    public Uni<Boolean> pin(Tx tx, UUID saleId, UUID itemId) {
        return tx.sql()
                .preparedQuery("UPDATE sale SET pinned_item_id = $2 WHERE id = $1 AND status IN ('SCHEDULED', 'LIVE')")
                .execute(Tuple.of(saleId, itemId))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Open sales whose start or end time has come, for the scheduler. */
    public Uni<List<UUID>> due(SaleStatus status, Instant now) {
        String column = status == SaleStatus.SCHEDULED ? "starts_at" : "ends_at";
        return db.sql()
                .preparedQuery("SELECT id FROM sale WHERE status = $1 AND " + column + " <= $2 ORDER BY " + column
                        + " LIMIT 200")
                .execute(Tuple.of(status.name(), utc(now)))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID("id")));
                    return ids;
                });
    }

    private Uni<List<Row>> items(Tx client, List<UUID> saleIds) {
        if (saleIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return client.sql()
                .preparedQuery("SELECT " + ITEM_COLUMNS + " FROM sale_item WHERE sale_id = ANY($1)"
                        + " ORDER BY sale_id, position")
                .execute(Tuple.of(saleIds.toArray(UUID[]::new)))
                .map(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return list;
                });
    }

    private static SaleApi.SaleView sale(Row row, List<Row> itemRows) {
        UUID id = row.getUUID("id");
        List<SaleApi.SaleItemView> items = itemRows.stream()
                .filter(r -> id.equals(r.getUUID("sale_id")))
                .map(SaleRepository::item)
                .toList();
        return new SaleApi.SaleView(
                id,
                row.getString("title"),
                row.getUUID("host_id"),
                row.getString("stream_url"),
                SaleApi.Video.unavailable(SaleStatus.valueOf(row.getString("status"))),
                row.getOffsetDateTime("starts_at").toInstant(),
                row.getOffsetDateTime("ends_at").toInstant(),
                SaleStatus.valueOf(row.getString("status")),
                row.getUUID("pinned_item_id"),
                row.getString("currency"),
                row.getLong("seq"),
                items,
                row.getString("source_lang"),
                row.getString("source_lang"));
    }

    private static SaleApi.SaleItemView item(Row r) {
        return new SaleApi.SaleItemView(
                r.getUUID("id"),
                r.getUUID("product_id"),
                r.getUUID("cooperative_id"),
                r.getString("name"),
                r.getLong("sale_price_minor"),
                r.getString("currency"),
                r.getInteger("quantity"),
                r.getInteger("remaining"),
                r.getInteger("per_customer_limit"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
