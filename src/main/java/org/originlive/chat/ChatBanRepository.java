package org.originlive.chat;

import static org.originlive.chat.ChatRepository.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Rows;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * Bans and timeouts per sale (the chat_ban table). Raw SQL: bans are written and checked inside the
 * chat's SQL transactions under the room lock, so every post committed after a ban sees it.
 */
@ApplicationScoped
@OwnsTables("chat_ban")
public class ChatBanRepository {

    private final Tx db;

    ChatBanRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    Uni<Optional<Instant>> bannedUntil(Tx tx, UUID saleId, UUID userId, Instant now) {
        return tx.sql()
                .preparedQuery("SELECT until FROM chat_ban WHERE sale_id = $1 AND user_id = $2 AND until > $3")
                .execute(Tuple.of(saleId, userId, utc(now)))
                .map(rows ->
                        Rows.first(rows).map(r -> r.getOffsetDateTime("until").toInstant()));
    }

    Uni<ChatApi.Ban> ban(Tx tx, UUID saleId, UUID userId, Instant until, String reason, UUID by) {
        return tx.sql()
                .preparedQuery("INSERT INTO chat_ban (sale_id, user_id, until, reason, created_by)"
                        + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sale_id, user_id) DO UPDATE SET"
                        + " until = excluded.until, reason = excluded.reason, created_by = excluded.created_by,"
                        + " created_at = now() RETURNING user_id, until, reason")
                .execute(Tuple.of(saleId, userId, utc(until), reason, by))
                .map(rows -> ban(rows.iterator().next()));
    }

    Uni<Void> unban(Tx client, UUID saleId, UUID userId) {
        return client.sql()
                .preparedQuery("DELETE FROM chat_ban WHERE sale_id = $1 AND user_id = $2")
                .execute(Tuple.of(saleId, userId))
                .replaceWithVoid();
    }

    Uni<List<ChatApi.Ban>> bans(UUID saleId) {
        return db.sql()
                .preparedQuery("SELECT user_id, until, reason FROM chat_ban"
                        + " WHERE sale_id = $1 AND until > clock_timestamp() ORDER BY until, user_id")
                .execute(Tuple.of(saleId))
                .map(rows -> {
                    List<ChatApi.Ban> bans = new ArrayList<>();
                    rows.forEach(r -> bans.add(ban(r)));
                    return bans;
                });
    }

    private static ChatApi.Ban ban(Row r) {
        return new ChatApi.Ban(
                r.getUUID("user_id"), r.getOffsetDateTime("until").toInstant(), r.getString("reason"));
    }
}
