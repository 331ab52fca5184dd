package org.originlive.account;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Forgets refresh-token families a day after their last token expired, so the table stays small. */
@ApplicationScoped
public class RefreshTokenPurge {

    // Expired families authorise nothing; the day of margin leaves them for inspection after an incident.
    private static final Duration KEEP = Duration.ofDays(1);

    private final RefreshTokenRepository refreshTokens;

    RefreshTokenPurge(RefreshTokenRepository refreshTokens) {
        this.refreshTokens = refreshTokens;
    }

    // Every replica runs it; the DELETE is idempotent, so overlapping runs do no harm.
    @Scheduled(
            every = "1h",
            delay = 5,
            delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return refreshTokens
                .purge(KEEP)
                .invoke(removed -> {
                    if (removed > 0) {
                        Log.infof("Purged %d expired refresh tokens", removed);
                    }
                })
                .onFailure()
                .invoke(e -> Log.warnf("Purging expired refresh tokens failed (next round retries): %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
