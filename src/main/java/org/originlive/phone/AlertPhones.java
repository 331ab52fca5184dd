package org.originlive.phone;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Rows;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/** A cooperative's alert language and phones, with their codes, PINs and lock-outs (hashes only). */
@ApplicationScoped
@OwnsTables({"phone_alert_settings", "phone_alert_phone"})
public class AlertPhones {

    /** A phone as stored. */
    record Stored(
            String phone,
            UUID cooperativeId,
            boolean confirmed,
            String codeHash,
            Instant codeExpiresAt,
            int codeAttempts,
            String pinHash,
            Instant lockedUntil) {}

    private static final String COLUMNS = "phone, cooperative_id, confirmed_at, code_hash, code_expires_at,"
            + " code_attempts, pin_hash, locked_until";

    private final Tx db;

    AlertPhones(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    Uni<Optional<String>> language(UUID cooperativeId) {
        return db.sql()
                .preparedQuery("SELECT language FROM phone_alert_settings WHERE cooperative_id = $1")
                .execute(Tuple.of(cooperativeId))
                .map(rows -> Rows.first(rows).map(r -> r.getString("language")));
    }

    Uni<List<Stored>> ofCooperative(UUID cooperativeId) {
        return db.sql()
                .preparedQuery("SELECT " + COLUMNS + " FROM phone_alert_phone WHERE cooperative_id = $1 ORDER BY phone")
                .execute(Tuple.of(cooperativeId))
                .map(rows -> {
                    List<Stored> list = new ArrayList<>();
                    rows.forEach(r -> list.add(stored(r)));
                    return list;
                });
    }

    Uni<Optional<Stored>> find(String phone) {
        return db.sql()
                .preparedQuery("SELECT " + COLUMNS + " FROM phone_alert_phone WHERE phone = $1")
                .execute(Tuple.of(phone))
                .map(rows -> Rows.first(rows).map(AlertPhones::stored));
    }

    /** The phones of the list another cooperative already has, locked until the transaction ends. */
    Uni<List<String>> takenByOthers(Tx tx, UUID cooperativeId, List<String> phones) {
        return tx.sql()
                .preparedQuery("SELECT phone FROM phone_alert_phone WHERE phone = ANY($1) AND cooperative_id <> $2"
                        + " FOR UPDATE")
                .execute(Tuple.of(phones.toArray(String[]::new), cooperativeId))
                .map(rows -> {
                    List<String> list = new ArrayList<>();
                    rows.forEach(r -> list.add(r.getString("phone")));
                    return list;
                });
    }

    /** Sets the language and the list; the phones that are new to the cooperative. */
    Uni<List<String>> replace(Tx tx, UUID cooperativeId, String language, List<String> phones) {
        String[] list = phones.toArray(String[]::new);
        return tx.sql()
                .preparedQuery("INSERT INTO phone_alert_settings (cooperative_id, language) VALUES ($1, $2)"
                        + " ON CONFLICT (cooperative_id) DO UPDATE SET language = $2, updated_at = now()")
                .execute(Tuple.of(cooperativeId, language))
                .flatMap(x -> tx.sql()
                        .preparedQuery("DELETE FROM phone_alert_phone WHERE cooperative_id = $1 AND phone <> ALL($2)")
                        .execute(Tuple.of(cooperativeId, list)))
                .flatMap(x -> tx.sql()
                        .preparedQuery(
                                "INSERT INTO phone_alert_phone (phone, cooperative_id)"
                                        + " SELECT p, $1 FROM unnest($2::text[]) p ON CONFLICT (phone) DO NOTHING RETURNING phone")
                        .execute(Tuple.of(cooperativeId, list)))
                .map(rows -> {
                    List<String> added = new ArrayList<>();
                    rows.forEach(r -> added.add(r.getString("phone")));
                    return added;
                });
    }

    /** Stores the hash of the code just being sent; false when the phone left or is confirmed. */
    Uni<Boolean> codeSent(String phone, UUID cooperativeId, String hash, Instant expiresAt) {
        return db.sql()
                .preparedQuery("UPDATE phone_alert_phone SET code_hash = $3, code_expires_at = $4, code_attempts = 0"
                        + " WHERE phone = $1 AND cooperative_id = $2 AND confirmed_at IS NULL")
                .execute(Tuple.of(phone, cooperativeId, hash, expiresAt.atOffset(java.time.ZoneOffset.UTC)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Counts an attempt at the code; the phone as it was before, if the attempt may still count. */
    Uni<Optional<Stored>> codeAttempt(String phone, UUID cooperativeId, int maxAttempts) {
        return db.sql()
                .preparedQuery("UPDATE phone_alert_phone SET code_attempts = code_attempts + 1"
                        + " WHERE phone = $1 AND cooperative_id = $2 AND confirmed_at IS NULL AND code_hash IS NOT NULL"
                        + " AND code_attempts < $3 AND code_expires_at > now() RETURNING " + COLUMNS)
                .execute(Tuple.of(phone, cooperativeId, maxAttempts))
                .map(rows -> Rows.first(rows).map(AlertPhones::stored));
    }

    Uni<Void> confirm(String phone) {
        return db.sql()
                .preparedQuery("UPDATE phone_alert_phone SET confirmed_at = now(), code_hash = NULL WHERE phone = $1")
                .execute(Tuple.of(phone))
                .replaceWithVoid();
    }

    Uni<Boolean> setPin(String phone, UUID cooperativeId, String hash) {
        return db.sql()
                .preparedQuery("UPDATE phone_alert_phone SET pin_hash = $3, pin_failures = 0, locked_until = NULL"
                        + " WHERE phone = $1 AND cooperative_id = $2 AND confirmed_at IS NOT NULL")
                .execute(Tuple.of(phone, cooperativeId, hash))
                .map(rows -> rows.rowCount() == 1);
    }

    /** A wrong PIN: the {@code max}-th in a row locks the phone for {@code lock}. */
    Uni<Void> pinFailed(String phone, int max, Duration lock) {
        return db.sql()
                .preparedQuery("UPDATE phone_alert_phone SET"
                        + " locked_until = CASE WHEN pin_failures + 1 >= $2 THEN now() + make_interval(secs => $3)"
                        + " ELSE locked_until END,"
                        + " pin_failures = CASE WHEN pin_failures + 1 >= $2 THEN 0 ELSE pin_failures + 1 END"
                        + " WHERE phone = $1")
                .execute(Tuple.of(phone, max, (double) lock.toSeconds()))
                .replaceWithVoid();
    }

    Uni<Void> pinPassed(String phone) {
        return db.sql()
                .preparedQuery("UPDATE phone_alert_phone SET pin_failures = 0 WHERE phone = $1 AND pin_failures > 0")
                .execute(Tuple.of(phone))
                .replaceWithVoid();
    }

    private static Stored stored(Row r) {
        return new Stored(
                r.getString("phone"),
                r.getUUID("cooperative_id"),
                r.getOffsetDateTime("confirmed_at") != null,
                r.getString("code_hash"),
                instant(r.getOffsetDateTime("code_expires_at")),
                r.getInteger("code_attempts"),
                r.getString("pin_hash"),
                instant(r.getOffsetDateTime("locked_until")));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
