package org.originlive.chat;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Role;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;
import org.originlive.sale.SaleFacts;
import org.originlive.sale.SaleQueries;

/**
 * Posting and moderating messages. Every write takes the sale's room row lock first (then the
 * message), so seq has no gaps, rules are judged on committed data and pins never point at a
 * deleted message, on any number of replicas.
 */
@ApplicationScoped
public class ChatService {

    private final Transactions transactions;

    static final int MAX_BODY = 200;

    private final ChatRepository chat;
    private final SaleQueries sales;
    private final ChatUsers users;
    private final ChatBanRepository banned;
    private final ChatEvents events;
    private final ChatRules rules;
    private final ChatMetrics metrics;

    ChatService(
            Transactions transactions,
            ChatRepository chat,
            SaleQueries sales,
            ChatUsers users,
            ChatBanRepository banned,
            ChatEvents events,
            ChatRules rules,
            ChatMetrics metrics) {
        this.transactions = transactions;
        this.chat = chat;
        this.sales = sales;
        this.users = users;
        this.banned = banned;
        this.events = events;
        this.rules = rules;
        this.metrics = metrics;
    }

    public Uni<ChatApi.ChatMessage> post(Caller caller, UUID saleId, ChatApi.PostMessage request) {
        String body = ChatText.line("body", request.body(), MAX_BODY);
        ChatApi.Kind kind = request.kind() == null ? ChatApi.Kind.TEXT : request.kind();
        // The sale and the author are two indexed reads side by side, before any lock.
        return Uni.combine()
                .all()
                .unis(sale(transactions.autoCommit(), saleId), author(caller))
                .asTuple()
                .call(t -> precheck(caller, saleId, t.getItem1(), kind))
                .flatMap(t -> transactions.inTransaction(tx -> chat.lockRoom(tx, saleId)
                        .call(room -> admit(tx, caller, saleId, t.getItem1(), room, kind))
                        .flatMap(room -> store(tx, t.getItem2(), saleId, t.getItem1(), room, kind, body))))
                .invoke(message -> metrics.posted(message.status()));
    }

    /** HELD → VISIBLE with the next seq; anything else is a 409. */
    public Uni<ChatApi.ChatMessage> approve(Caller caller, UUID saleId, UUID messageId) {
        return transactions.inTransaction(tx -> lockedMessage(
                        tx, caller, saleId, messageId, ChatApi.Status.HELD, ProblemType.NOT_HELD, "approved")
                .flatMap(message -> chat.nextSeq(tx, saleId))
                .flatMap(seq -> chat.setStatus(tx, messageId, ChatApi.Status.VISIBLE, seq))
                .call(message -> events.publish(tx, ChatEvent.chat(message))));
    }

    /** For a moderator, under the room lock: the sale's message, which must be {@code required}. */
    private Uni<ChatApi.ChatMessage> lockedMessage(
            Tx tx,
            Caller caller,
            UUID saleId,
            UUID messageId,
            ChatApi.Status required,
            ProblemType otherwise,
            String action) {
        return moderate(tx, caller, saleId)
                .flatMap(sale -> chat.lockRoom(tx, saleId))
                .flatMap(room -> message(tx, saleId, messageId))
                .invoke(message -> {
                    if (message.status() != required) {
                        throw new ProblemException(
                                otherwise,
                                "Only a " + required + " message can be " + action + "; this one is "
                                        + message.status());
                    }
                });
    }

    /** VISIBLE or HELD → DELETED, unpinning it; deleting a deleted message changes nothing. */
    public Uni<Void> delete(Caller caller, UUID saleId, UUID messageId) {
        return transactions
                .inTransaction(tx -> moderate(tx, caller, saleId)
                        .flatMap(sale -> chat.lockRoom(tx, saleId))
                        .flatMap(room -> message(tx, saleId, messageId).flatMap(message -> {
                            if (message.status() == ChatApi.Status.DELETED) {
                                return Uni.createFrom().item(false);
                            }
                            return chat.setStatus(tx, messageId, ChatApi.Status.DELETED, null)
                                    .call(x -> messageId.equals(room.pinnedMessageId())
                                            ? unpinned(tx, saleId)
                                            : Uni.createFrom().voidItem())
                                    .call(x -> message.status() == ChatApi.Status.VISIBLE
                                            ? events.publish(tx, ChatEvent.deleted(saleId, messageId))
                                            : Uni.createFrom().voidItem())
                                    .replaceWith(true);
                        })))
                .invoke(deleted -> {
                    if (deleted) {
                        metrics.deleted();
                    }
                })
                .replaceWithVoid();
    }

    /** One pinned message per sale; a new pin replaces the old. Only VISIBLE messages. */
    public Uni<ChatApi.ChatMessage> pin(Caller caller, UUID saleId, UUID messageId) {
        return transactions.inTransaction(tx -> lockedMessage(
                        tx, caller, saleId, messageId, ChatApi.Status.VISIBLE, ProblemType.NOT_VISIBLE, "pinned")
                .call(message -> chat.pin(tx, saleId, messageId))
                .call(message -> events.publish(tx, ChatEvent.pinned(saleId, message))));
    }

    public Uni<Void> unpin(Caller caller, UUID saleId) {
        return transactions.inTransaction(tx -> moderate(tx, caller, saleId)
                .flatMap(sale -> chat.lockRoom(tx, saleId))
                .flatMap(room ->
                        room.pinnedMessageId() == null ? Uni.createFrom().voidItem() : unpinned(tx, saleId)));
    }

    /** The sale, or 404; then 403 unless the caller moderates it (its host, or any admin). */
    Uni<SaleFacts> moderate(Tx client, Caller caller, UUID saleId) {
        return sale(client, saleId).invoke(sale -> {
            if (!isModerator(caller, sale)) {
                throw ProblemException.forbidden("Only the sale's host or an admin may moderate its chat");
            }
        });
    }

    Uni<SaleFacts> sale(Tx client, UUID saleId) {
        return sales.facts(client, saleId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Sale", saleId)));
    }

    /** The caller as a message shows it, as its account is now. */
    private Uni<ChatApi.Author> author(Caller caller) {
        return users.find(caller.id())
                .map(found -> found.orElseThrow(() -> ProblemException.forbidden("Your account no longer exists")))
                .map(user -> new ChatApi.Author(
                        user.id(),
                        ChatText.shownName(user.displayName()),
                        user.role().name()));
    }

    static boolean isModerator(Caller caller, SaleFacts sale) {
        return caller != null && (caller.is(Role.ADMIN) || sale.hostId().equals(caller.id()));
    }

    private Uni<Void> admit(
            Tx tx, Caller caller, UUID saleId, SaleFacts sale, ChatRepository.Room room, ChatApi.Kind kind) {
        if (!sale.isOpen() || !room.enabled()) {
            throw new ProblemException(
                    ProblemType.CHAT_CLOSED,
                    sale.isOpen() ? "The host has turned chat off" : "Chat is closed on a " + sale.status() + " sale");
        }
        return banned.bannedUntil(tx, saleId, caller.id(), room.now())
                .invoke(until -> until.ifPresent(u -> {
                    throw new ProblemException(ProblemType.BANNED, "You may not post in this chat until " + u);
                }))
                .flatMap(until -> isModerator(caller, sale)
                        ? Uni.createFrom().voidItem()
                        : chat.recent(
                                        tx,
                                        saleId,
                                        caller.id(),
                                        rules.lookback(room.slowModeSeconds()),
                                        rules.messagesPerWindow())
                                .invoke(recent -> rules.check(recent, room.slowModeSeconds(), kind))
                                .replaceWithVoid());
    }

    /**
     * The rules on committed data, before queueing for the room lock: a flood is refused without
     * waiting for or writing the room row. Only refusals are final here (committed messages only
     * add up); an admitted post is judged again under the lock.
     */
    private Uni<Void> precheck(Caller caller, UUID saleId, SaleFacts sale, ChatApi.Kind kind) {
        if (isModerator(caller, sale)) {
            return Uni.createFrom().voidItem();
        }
        return chat.readRoom(saleId).flatMap(room -> chat.recent(
                        transactions.autoCommit(),
                        saleId,
                        caller.id(),
                        rules.lookback(room.slowModeSeconds()),
                        rules.messagesPerWindow())
                .invoke(recent -> rules.check(recent, room.slowModeSeconds(), kind))
                .replaceWithVoid());
    }

    private Uni<ChatApi.ChatMessage> store(
            Tx tx,
            ChatApi.Author author,
            UUID saleId,
            SaleFacts sale,
            ChatRepository.Room room,
            ChatApi.Kind kind,
            String body) {
        boolean held = rules.isBlocked(body, room.blockedTerms());
        Uni<Long> seq = held ? Uni.createFrom().nullItem() : chat.nextSeq(tx, saleId);
        ChatApi.Author shown = author.id().equals(sale.hostId())
                ? new ChatApi.Author(author.id(), author.displayName(), "HOST")
                : author;
        return seq.flatMap(s -> chat.insert(
                        tx,
                        UUID.randomUUID(),
                        saleId,
                        s,
                        shown,
                        kind,
                        body,
                        held ? ChatApi.Status.HELD : ChatApi.Status.VISIBLE,
                        room.now()))
                .call(message -> held ? Uni.createFrom().voidItem() : events.publish(tx, ChatEvent.chat(message)));
    }

    private Uni<ChatApi.ChatMessage> message(Tx tx, UUID saleId, UUID messageId) {
        return chat.find(tx, saleId, messageId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Message", messageId)));
    }

    private Uni<Void> unpinned(Tx tx, UUID saleId) {
        return chat.pin(tx, saleId, null).call(x -> events.publish(tx, ChatEvent.pinned(saleId, null)));
    }
}
