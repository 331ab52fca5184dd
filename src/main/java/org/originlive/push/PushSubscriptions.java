package org.originlive.push;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.originlive.common.OutboundGuard;
import org.originlive.common.ProblemException;
import org.originlive.common.Transactions;

/**
 * A buyer's browsers. An endpoint is registered only when the address guard admits it (checked
 * before anything is stored, with no traffic to it); the keys must be usable for RFC 8291.
 */
@ApplicationScoped
public class PushSubscriptions {

    private final PushRepository repository;
    private final OutboundGuard guard;
    private final Transactions transactions;
    private final PushConfig config;

    PushSubscriptions(PushRepository repository, OutboundGuard guard, Transactions transactions, PushConfig config) {
        this.repository = repository;
        this.guard = guard;
        this.transactions = transactions;
        this.config = config;
    }

    /** Registers the browser for {@code userId}; an endpoint registered before moves to this account. */
    Uni<PushRepository.Registered> register(UUID userId, PushApi.SubscriptionRequest request) {
        byte[] p256dh = key(request.keys().p256dh(), "p256dh");
        byte[] auth = decode(request.keys().auth(), "auth");
        if (auth.length != 16) {
            throw ProblemException.invalid("auth", "must be 16 bytes, base64url");
        }
        Instant expires = request.expirationTime() == null ? null : Instant.ofEpochMilli(request.expirationTime());
        String endpoint = request.endpoint();
        return guard.check(endpoint, "endpoint")
                .flatMap(checked -> transactions.inTransaction(tx -> repository
                        .lockUser(tx, userId)
                        .flatMap(x -> repository.countOthers(tx, userId, endpoint))
                        .invoke(others -> {
                            if (others >= config.maxSubscriptions()) {
                                throw ProblemException.invalid(
                                        "endpoint",
                                        "at most " + config.maxSubscriptions()
                                                + " browsers per account; remove one first");
                            }
                        })
                        .flatMap(x -> repository.upsert(tx, userId, endpoint, p256dh, auth, expires))));
    }

    Uni<List<PushApi.Subscription>> list(UUID userId) {
        return repository.list(userId);
    }

    Uni<Void> delete(UUID userId, UUID id) {
        return repository
                .delete(userId, id)
                .invoke(deleted -> {
                    if (!deleted) {
                        throw ProblemException.notFound("Push subscription", id);
                    }
                })
                .replaceWithVoid();
    }

    private static byte[] key(String text, String field) {
        try {
            return P256.encode(P256.publicKey(decode(text, field)));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a 65-byte uncompressed P-256 point, base64url");
        }
    }

    private static byte[] decode(String text, String field) {
        try {
            return P256.base64url(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be base64url");
        }
    }
}
