package org.originlive.chat;

import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.Params;
import org.originlive.common.ProblemException;
import org.originlive.common.Transactions;

/** Reading a sale's chat: public for VISIBLE messages (also after the sale ended), HELD for moderators. */
@ApplicationScoped
public class ChatHistoryService {

    private final Transactions transactions;

    static final int MAX_LIMIT = 200;

    private final ChatRepository chat;
    private final ChatService service;
    private final ChatConfig config;

    ChatHistoryService(Transactions transactions, ChatRepository chat, ChatService service, ChatConfig config) {
        this.transactions = transactions;
        this.chat = chat;
        this.service = service;
        this.config = config;
    }

    /** {@code caller} is null for anonymous readers. */
    public Uni<ChatApi.ChatPage> list(
            Caller caller, UUID saleId, String afterSeqParam, String limitParam, String kindParam, String statusParam) {
        Long afterSeq = afterSeq(afterSeqParam);
        int limit = Params.integer("limit", limitParam, 50);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        ChatApi.Kind kind = Params.enumValue("kind", kindParam, ChatApi.Kind.class);
        ChatApi.Status status = Params.enumValue("status", statusParam, ChatApi.Status.class);
        if (status == ChatApi.Status.DELETED) {
            throw ProblemException.badRequest("status must be VISIBLE or HELD: deleted messages are gone");
        }
        if (status == ChatApi.Status.HELD) {
            if (caller == null) {
                throw new UnauthorizedException();
            }
            if (afterSeq != null) {
                throw ProblemException.badRequest("afterSeq applies to VISIBLE messages; HELD ones have no seq");
            }
            return service.moderate(transactions.autoCommit(), caller, saleId)
                    .flatMap(sale -> chat.held(saleId, limit, kind))
                    .flatMap(items -> page(saleId, items));
        }
        // A room row means the sale exists; only a sale without one is looked up (for its 404).
        return chat.latestSeq(saleId)
                .flatMap(found -> found.isPresent()
                        ? Uni.createFrom().item(found.get())
                        : service.sale(transactions.autoCommit(), saleId).replaceWith(0L))
                .flatMap(latest -> chat.visible(saleId, afterSeq, limit, kind)
                        .map(items -> new ChatApi.ChatPage(items, Math.max(latest, lastSeq(items)))));
    }

    /** The snapshot's part: latest VISIBLE messages, the pinned one, reaction totals. */
    Uni<ChatRepository.Extras> extras(UUID saleId) {
        return chat.extras(saleId);
    }

    Uni<List<ChatApi.ChatMessage>> latest(UUID saleId) {
        return chat.visible(saleId, null, config.snapshotMessages(), null);
    }

    private Uni<ChatApi.ChatPage> page(UUID saleId, List<ChatApi.ChatMessage> items) {
        return chat.latestSeq(saleId).map(latest -> new ChatApi.ChatPage(items, latest.orElse(0L)));
    }

    private static long lastSeq(List<ChatApi.ChatMessage> items) {
        return items.isEmpty() ? 0 : items.get(items.size() - 1).seq();
    }

    private static Long afterSeq(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            long seq = Long.parseLong(value);
            if (seq < 0) {
                throw ProblemException.badRequest("afterSeq must be 0 or more");
            }
            return seq;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("afterSeq must be an integer");
        }
    }
}
