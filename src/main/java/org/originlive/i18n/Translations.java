package org.originlive.i18n;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * The translation tables. Features check who may edit an object and apply translations to their
 * own views; this class only stores and fetches, one statement per call (a page's translations
 * come in one query, never one per object).
 */
@ApplicationScoped
@OwnsTables({"product_translation", "cooperative_translation", "sale_translation"})
public class Translations {

    private final Tx db;
    private final Clock clock;

    Translations(Transactions transactions, Clock clock) {
        this.db = transactions.autoCommit();
        this.clock = clock;
    }

    /** Stores the object's translation into {@code lang}, replacing an earlier one (null fields: untranslated). */
    public Uni<Translation> put(Translated kind, UUID id, String lang, Map<String, String> fields) {
        List<String> columns = kind.fields;
        StringBuilder values = new StringBuilder();
        StringBuilder updates = new StringBuilder();
        Tuple args = Tuple.of(id, lang, clock.instant().atOffset(ZoneOffset.UTC));
        for (int i = 0; i < columns.size(); i++) {
            values.append(", $").append(i + 4);
            updates.append(", ").append(columns.get(i)).append(" = excluded.").append(columns.get(i));
            args.addValue(fields.get(columns.get(i)));
        }
        String names = String.join(", ", columns);
        return db.sql()
                .preparedQuery("INSERT INTO " + kind.table + " (" + kind.key + ", lang, updated_at, " + names
                        + ") VALUES ($1, $2, $3" + values + ") ON CONFLICT (" + kind.key + ", lang) DO UPDATE SET"
                        + " updated_at = excluded.updated_at" + updates + " RETURNING lang, updated_at, " + names)
                .execute(args)
                .map(rows -> translation(kind, rows.iterator().next()));
    }

    /** Every translation of one object, by language. */
    public Uni<List<Translation>> all(Translated kind, UUID id) {
        return db.sql()
                .preparedQuery("SELECT lang, updated_at, " + String.join(", ", kind.fields) + " FROM " + kind.table
                        + " WHERE " + kind.key + " = $1 ORDER BY lang")
                .execute(Tuple.of(id))
                .map(rows -> {
                    List<Translation> list = new ArrayList<>();
                    rows.forEach(r -> list.add(translation(kind, r)));
                    return list;
                });
    }

    /** The translations into {@code lang} of these objects, by object id; empty for the source language. */
    public Uni<Map<UUID, Translation>> of(Translated kind, Collection<UUID> ids, Lang lang) {
        if (lang.isSource() || ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return db.sql()
                .preparedQuery("SELECT " + kind.key + " AS id, lang, updated_at, " + String.join(", ", kind.fields)
                        + " FROM " + kind.table + " WHERE " + kind.key + " = ANY($1) AND lang = $2")
                .execute(Tuple.of(ids.stream().distinct().toArray(UUID[]::new), lang.tag()))
                .map(rows -> {
                    Map<UUID, Translation> found = new HashMap<>();
                    rows.forEach(r -> found.put(r.getUUID("id"), translation(kind, r)));
                    return found;
                });
    }

    private static Translation translation(Translated kind, Row row) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : kind.fields) {
            String text = row.getString(field);
            if (text != null) {
                fields.put(field, text);
            }
        }
        return new Translation(
                row.getString("lang"),
                fields,
                row.getOffsetDateTime("updated_at").toInstant());
    }
}
