package org.originlive.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Reminders and emails (docs/operations.md, "Email and reminders"); SMTP itself is QUARKUS_MAILER_*. */
@ConfigMapping(prefix = "originlive.notify")
public interface NotifyConfig {

    /**
     * The key that signs the links in emails (confirm, unsubscribe): base64 of at least 32 bytes,
     * the same on every replica. Required in prod; dev, demo and test use a fixed test key.
     */
    Optional<String> linkKey();

    /** How long a confirmation link works. */
    @WithDefault("24h")
    Duration confirmLinkLifetime();

    /** How long an unsubscribe link works (mail is read late). */
    @WithDefault("3650d")
    Duration unsubscribeLinkLifetime();

    /** Confirmation emails a user may ask for per hour. */
    @WithDefault("5")
    int confirmationsPerHour();

    /** Limit of one SMTP send; after it the email counts as UNKNOWN and is never sent again. */
    @WithDefault("30s")
    Duration timeout();

    /** First wait before an email the server did not take is tried again; it doubles per attempt. */
    @WithDefault("30s")
    Duration retryBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("30m")
    Duration retryBackoffMax();

    /** Attempts before an email counts as FAILED. */
    @WithDefault("10")
    int maxAttempts();

    /** How often each replica puts emails due again back into the outbox and relays what is left. */
    @WithDefault("1s")
    Duration sweepEvery();

    /** Reminders claimed (and their emails queued) per transaction when a sale goes LIVE. */
    @WithDefault("200")
    int reminderPage();
}
