package org.originlive.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/** bcrypt, always computed on a worker thread so the event loop never waits for it. */
// Created at start-up: its constructor hashes the decoy, which must not happen on an event loop.
@Startup
@ApplicationScoped
public class PasswordHasher {

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

    private final Vertx vertx;
    private final int cost;
    private final String decoy;

    PasswordHasher(Vertx vertx, AccountConfig config) {
        this.vertx = vertx;
        this.cost = config.bcryptCost();
        this.decoy = hashNow("decoy-password-for-unknown-emails");
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> hashNow(password)));
    }

    /** Checks a password; with a null hash it still spends the same time, so unknown emails do not show. */
    public Uni<Boolean> verify(String password, String hash) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> verifyNow(password, hash)));
    }

    public String hashNow(String password) {
        byte[] hash = BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION))
                .hash(cost, password.getBytes(StandardCharsets.UTF_8));
        return new String(hash, StandardCharsets.UTF_8);
    }

    private boolean verifyNow(String password, String hash) {
        boolean known = hash != null;
        BCrypt.Result result = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION))
                .verify(
                        password.getBytes(StandardCharsets.UTF_8),
                        (known ? hash : decoy).getBytes(StandardCharsets.UTF_8));
        return known && result.verified;
    }
}
