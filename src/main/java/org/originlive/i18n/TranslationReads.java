package org.originlive.i18n;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.ReadsTables;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * Reads only, in raw SQL: the translations of a page of objects in one statement. Live rooms read
 * them from the LISTEN connection's handlers and for several languages at once, where a Hibernate
 * session (one operation at a time, on a request's Vert.x context) cannot be used.
 */
@ApplicationScoped
@ReadsTables({"product_translation", "cooperative_translation", "sale_translation"})
public class TranslationReads {

    private final Tx db;

    TranslationReads(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    /** The translations into {@code lang} of these objects, by object id. */
    Uni<Map<UUID, Translation>> of(Translated kind, Collection<UUID> ids, String lang) {
        return db.sql()
                .preparedQuery("SELECT " + kind.key + " AS id, lang, updated_at, " + String.join(", ", kind.fields)
                        + " FROM " + kind.table + " WHERE " + kind.key + " = ANY($1) AND lang = $2")
                .execute(Tuple.of(ids.stream().distinct().toArray(UUID[]::new), lang))
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
