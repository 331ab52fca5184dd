package org.originlive.chat;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Tx;

/** A sale's reaction totals (its chat room row's counters), added to once per flush by one additive UPDATE (raw SQL). */
@ApplicationScoped
@OwnsTables("chat_room.reactions")
public class ReactionTotals {

    /** Adds the counts (creating the room row if needed) and returns the new totals. */
    Uni<ChatApi.Reactions> add(Tx tx, UUID saleId, long like, long heart, long fire) {
        return tx.sql()
                .preparedQuery("INSERT INTO chat_room (sale_id, like_count, heart_count, fire_count)"
                        + " VALUES ($1, $2, $3, $4) ON CONFLICT (sale_id) DO UPDATE SET"
                        + " like_count = chat_room.like_count + excluded.like_count,"
                        + " heart_count = chat_room.heart_count + excluded.heart_count,"
                        + " fire_count = chat_room.fire_count + excluded.fire_count"
                        + " RETURNING like_count, heart_count, fire_count")
                .execute(Tuple.of(saleId, like, heart, fire))
                .map(rows -> of(rows.iterator().next()));
    }

    static ChatApi.Reactions of(Row r) {
        return new ChatApi.Reactions(r.getLong("like_count"), r.getLong("heart_count"), r.getLong("fire_count"));
    }
}
