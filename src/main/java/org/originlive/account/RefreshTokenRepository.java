package org.originlive.account;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Role;
import org.originlive.common.Rows;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * Refresh tokens in SQL, by hash only. Each state change is one conditional statement, so two
 * requests racing with the same token cannot both spend it.
 */
@ApplicationScoped
@OwnsTables("refresh_token")
public class RefreshTokenRepository {

    private final Tx db;

    RefreshTokenRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    /** Whom a rotated token belonged to, as the user row says now (roles may have changed). */
    public record Holder(UUID userId, String email, Role role, UUID cooperativeId) {}

    /** The first token of a new family (a login). */
    public Uni<Void> start(UUID userId, byte[] hash, Duration lifetime) {
        return db.sql()
                .preparedQuery("INSERT INTO refresh_token (id, user_id, family_id, token_hash, expires_at)"
                        + " VALUES ($1, $2, $3, $4, now() + $5 * interval '1 millisecond')")
                .execute(Tuple.of(UUID.randomUUID(), userId, UUID.randomUUID(), hash, lifetime.toMillis()))
                .replaceWithVoid();
    }

    /**
     * Spends a live token and issues its successor in the same family, in one statement; empty
     * when the token is unknown, spent, revoked or expired (or a racing request spent it first).
     */
    public Uni<Optional<Holder>> rotate(byte[] hash, byte[] successorHash, Duration lifetime) {
        return db.sql()
                .preparedQuery(
                        "WITH spent AS ("
                                + " UPDATE refresh_token SET spent_at = now(), replaced_by = $2"
                                + " WHERE token_hash = $1 AND spent_at IS NULL AND revoked_at IS NULL AND expires_at > now()"
                                + " RETURNING user_id, family_id),"
                                + " successor AS ("
                                + " INSERT INTO refresh_token (id, user_id, family_id, token_hash, expires_at)"
                                + " SELECT $2, user_id, family_id, $3, now() + $4 * interval '1 millisecond' FROM spent"
                                + " RETURNING user_id)"
                                + " SELECT u.id, u.email, u.role, u.cooperative_id FROM successor s JOIN app_user u ON u.id = s.user_id")
                .execute(Tuple.of(hash, UUID.randomUUID(), successorHash, lifetime.toMillis()))
                .map(rows -> Rows.first(rows)
                        .map(r -> new Holder(
                                r.getUUID("id"),
                                r.getString("email"),
                                Role.valueOf(r.getString("role")),
                                r.getUUID("cooperative_id"))));
    }

    /** If the token was already spent, revokes its whole family; true when it did (a reuse). */
    public Uni<Boolean> revokeFamilyIfSpent(byte[] hash) {
        return db.sql()
                .preparedQuery("UPDATE refresh_token SET revoked_at = now()"
                        + " WHERE family_id = (SELECT family_id FROM refresh_token"
                        + " WHERE token_hash = $1 AND spent_at IS NOT NULL)"
                        + " AND revoked_at IS NULL")
                .execute(Tuple.of(hash))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Revokes the family of the token, whatever state the token is in (sign-out). */
    public Uni<Void> revokeFamily(byte[] hash) {
        return db.sql()
                .preparedQuery("UPDATE refresh_token SET revoked_at = now()"
                        + " WHERE family_id = (SELECT family_id FROM refresh_token WHERE token_hash = $1)"
                        + " AND revoked_at IS NULL")
                .execute(Tuple.of(hash))
                .replaceWithVoid();
    }

    /** Deletes families whose every token expired before the cutoff; returns the rows removed. */
    public Uni<Integer> purge(Duration expiredFor) {
        return db.sql()
                .preparedQuery("DELETE FROM refresh_token WHERE family_id IN ("
                        + " SELECT family_id FROM refresh_token GROUP BY family_id"
                        + " HAVING max(expires_at) < now() - $1 * interval '1 millisecond')")
                .execute(Tuple.of(expiredFor.toMillis()))
                .map(rows -> rows.rowCount());
    }
}
