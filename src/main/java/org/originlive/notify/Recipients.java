package org.originlive.notify;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Rows;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/** A buyer's email language and confirmed address, and the addresses that unsubscribed. */
@ApplicationScoped
@OwnsTables({"notify_recipient", "notify_unsubscribe"})
class Recipients {

    /** What notify knows of a buyer. */
    record Recipient(String language, String confirmedEmail) {}

    private final Tx db;

    Recipients(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    /**
     * Remembers the language the buyer's latest request chose (their emails' language); a request
     * that chose none ({@code null}) keeps the one known, or English.
     */
    Uni<Void> language(Tx tx, UUID userId, String language) {
        return tx.sql()
                .preparedQuery("INSERT INTO notify_recipient (user_id, language) VALUES ($1, coalesce($2, 'en'))"
                        + " ON CONFLICT (user_id) DO UPDATE"
                        + " SET language = coalesce($2, notify_recipient.language), updated_at = now()")
                .execute(Tuple.of(userId, language))
                .replaceWithVoid();
    }

    /** The email language of each of the users that has one. */
    Uni<java.util.Map<UUID, String>> languages(Tx tx, java.util.List<UUID> userIds) {
        return tx.sql()
                .preparedQuery("SELECT user_id, language FROM notify_recipient WHERE user_id = ANY($1)")
                .execute(Tuple.of(userIds.toArray(UUID[]::new)))
                .map(rows -> {
                    java.util.Map<UUID, String> languages = new java.util.HashMap<>();
                    rows.forEach(r -> languages.put(r.getUUID("user_id"), r.getString("language")));
                    return languages;
                });
    }

    /** The address is the buyer's confirmed one; a confirmation is consent again, so it is subscribed too. */
    Uni<Void> confirmed(Tx tx, UUID userId, String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        return tx.sql()
                .preparedQuery("INSERT INTO notify_recipient (user_id, language, confirmed_email, confirmed_at)"
                        + " VALUES ($1, 'en', $2, now()) ON CONFLICT (user_id) DO UPDATE"
                        + " SET confirmed_email = excluded.confirmed_email, confirmed_at = now(), updated_at = now()")
                .execute(Tuple.of(userId, lower))
                .flatMap(x -> tx.sql()
                        .preparedQuery("DELETE FROM notify_unsubscribe WHERE email = $1")
                        .execute(Tuple.of(lower)))
                .replaceWithVoid();
    }

    Uni<Optional<Recipient>> find(UUID userId) {
        return db.sql()
                .preparedQuery("SELECT language, confirmed_email FROM notify_recipient WHERE user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> Rows.first(rows)
                        .map(r -> new Recipient(r.getString("language"), r.getString("confirmed_email"))));
    }

    /** Idempotent: true the first time. */
    Uni<Boolean> unsubscribe(String email) {
        return db.sql()
                .preparedQuery("INSERT INTO notify_unsubscribe (email) VALUES ($1) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(email.toLowerCase(Locale.ROOT)))
                .map(rows -> rows.rowCount() == 1);
    }

    Uni<Boolean> unsubscribed(String email) {
        return db.sql()
                .preparedQuery("SELECT 1 FROM notify_unsubscribe WHERE email = $1")
                .execute(Tuple.of(email.toLowerCase(Locale.ROOT)))
                .map(rows -> rows.rowCount() > 0);
    }
}
