package org.originlive.chat;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.ProblemException;
import org.originlive.common.Role;
import org.originlive.common.Transactions;

/** Bans, timeouts and chat settings of a sale, for its host and admins. */
@ApplicationScoped
public class ModerationService {

    private final Transactions transactions;

    static final int MAX_BAN_SECONDS = 1_209_600;
    static final int MAX_SLOW_MODE = 120;
    static final int MAX_TERMS = 100;
    static final int MAX_TERM = 40;
    static final int MAX_REASON = 200;

    private final ChatRepository chat;
    private final ChatBanRepository banned;
    private final ChatService service;
    private final ChatMetrics metrics;
    private final ChatUsers users;

    ModerationService(
            Transactions transactions,
            ChatRepository chat,
            ChatBanRepository banned,
            ChatService service,
            ChatMetrics metrics,
            ChatUsers users) {
        this.transactions = transactions;
        this.users = users;
        this.chat = chat;
        this.banned = banned;
        this.service = service;
        this.metrics = metrics;
    }

    /**
     * Bans (no duration: until the sale's end) or times out a user. Taken under the room lock, so
     * every post committed after this sees it, on every replica.
     */
    public Uni<ChatApi.Ban> ban(Caller caller, UUID saleId, ChatApi.BanRequest request) {
        if (request.userId() == null) {
            throw ProblemException.invalid("userId", "is required");
        }
        Integer duration = request.durationSeconds();
        if (duration != null && (duration < 1 || duration > MAX_BAN_SECONDS)) {
            throw ProblemException.invalid("durationSeconds", "must be between 1 and " + MAX_BAN_SECONDS);
        }
        String reason = request.reason() == null ? null : ChatText.line("reason", request.reason(), MAX_REASON);
        UUID userId = request.userId();
        // Read before the SQL transaction (the account is another feature's), judged under the room lock.
        return users.find(userId)
                .flatMap(user -> transactions.inTransaction(
                        tx -> service.moderate(tx, caller, saleId).flatMap(sale -> chat.lockRoom(tx, saleId)
                                .invoke(room -> {
                                    if (user.isEmpty()) {
                                        throw ProblemException.invalid("userId", "no such user");
                                    }
                                    if (user.get().role() == Role.ADMIN || userId.equals(sale.hostId())) {
                                        throw ProblemException.invalid(
                                                "userId", "a moderator of this sale cannot be banned");
                                    }
                                })
                                .flatMap(room -> {
                                    Instant until = duration == null
                                            ? sale.endsAt()
                                            : room.now().plusSeconds(duration);
                                    return banned.ban(tx, saleId, userId, until, reason, caller.id());
                                }))))
                .invoke(ban -> metrics.banned());
    }

    public Uni<Void> unban(Caller caller, UUID saleId, UUID userId) {
        return transactions.inTransaction(
                tx -> service.moderate(tx, caller, saleId).flatMap(sale -> banned.unban(tx, saleId, userId)));
    }

    public Uni<ChatApi.Bans> bans(Caller caller, UUID saleId) {
        return service.moderate(transactions.autoCommit(), caller, saleId)
                .flatMap(sale -> banned.bans(saleId))
                .map(ChatApi.Bans::new);
    }

    public Uni<ChatApi.Settings> settings(Caller caller, UUID saleId) {
        return service.moderate(transactions.autoCommit(), caller, saleId)
                .flatMap(sale -> chat.readRoom(saleId))
                .map(room -> new ChatApi.Settings(room.enabled(), room.slowModeSeconds(), room.blockedTerms()));
    }

    public Uni<ChatApi.Settings> change(Caller caller, UUID saleId, ChatApi.Settings request) {
        ChatApi.Settings settings = validate(request);
        return transactions
                .inTransaction(tx -> service.moderate(tx, caller, saleId)
                        .flatMap(sale -> chat.lockRoom(tx, saleId))
                        .flatMap(room -> chat.saveSettings(
                                tx, saleId, settings.enabled(), settings.slowModeSeconds(), settings.blockedTerms())))
                .replaceWith(settings);
    }

    private static ChatApi.Settings validate(ChatApi.Settings request) {
        if (request.enabled() == null) {
            throw ProblemException.invalid("enabled", "is required");
        }
        Integer slow = request.slowModeSeconds();
        if (slow == null || slow < 0 || slow > MAX_SLOW_MODE) {
            throw ProblemException.invalid("slowModeSeconds", "must be between 0 and " + MAX_SLOW_MODE);
        }
        if (request.blockedTerms() == null) {
            throw ProblemException.invalid("blockedTerms", "is required (an empty list for none)");
        }
        if (request.blockedTerms().size() > MAX_TERMS) {
            throw ProblemException.invalid("blockedTerms", "at most " + MAX_TERMS + " terms");
        }
        List<String> terms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.blockedTerms().size(); i++) {
            String term = ChatText.line(
                    "blockedTerms[" + i + "]", request.blockedTerms().get(i), MAX_TERM);
            if (seen.add(term.toLowerCase(Locale.ROOT))) {
                terms.add(term);
            }
        }
        return new ChatApi.Settings(request.enabled(), slow, List.copyOf(terms));
    }
}
