package org.originlive.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.originlive.common.OwnsTables;
import org.originlive.common.Tx;

/**
 * Announces chat changes with {@code pg_notify} inside the changing transaction, so only committed
 * changes reach viewers, in commit order (which the room lock makes seq order). Raw SQL: it runs on
 * the changing transaction's own connection.
 */
@ApplicationScoped
@OwnsTables("notify:originlive_chat_events")
public class ChatEvents {

    public static final String CHANNEL = "originlive_chat_events";

    private final ObjectMapper json;

    ChatEvents(ObjectMapper json) {
        this.json = json;
    }

    Uni<Void> publish(Tx tx, ChatEvent event) {
        return tx.sql()
                .preparedQuery("SELECT pg_notify($1, $2)")
                .execute(Tuple.of(CHANNEL, encode(event)))
                .replaceWithVoid();
    }

    private String encode(ChatEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Chat events are plain records", e);
        }
    }
}
