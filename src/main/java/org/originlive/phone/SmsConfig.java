package org.originlive.phone;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Africa's Talking bulk SMS and the alerts sent through it (docs/operations.md, "Phones: SMS and USSD"). */
@ConfigMapping(prefix = "originlive.sms")
public interface SmsConfig {

    /** The provider's API base: {@code https://api.africastalking.com} live, {@code https://api.sandbox.africastalking.com} sandbox. */
    @WithDefault("https://api.sandbox.africastalking.com")
    String baseUrl();

    /** The Africa's Talking app's username ({@code sandbox} for the sandbox). */
    @WithDefault("sandbox")
    String username();

    /** The app's API key (header {@code apiKey}); without it no SMS leaves (they wait, retried). */
    Optional<String> apiKey();

    /** Approved sender id or short code ({@code from}); the account's default when absent. */
    Optional<String> sender();

    /** Limit of one provider call; after it the SMS counts as UNKNOWN and is never sent again. */
    @WithDefault("10s")
    Duration timeout();

    /** First wait before a failed SMS is tried again; it doubles per attempt. */
    @WithDefault("30s")
    Duration retryBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("30m")
    Duration retryBackoffMax();

    /** Attempts before an SMS counts as FAILED. */
    @WithDefault("10")
    int maxAttempts();

    /** How often each replica looks for SMS due again and overdue fulfilments (a second or more). */
    @WithDefault("1s")
    Duration sweepEvery();

    /** How often each replica looks for fulfilments still NEW past remind-after or escalate-after. */
    @WithDefault("1m")
    Duration overdueEvery();

    /** How long a verification code is valid after it was sent. */
    @WithDefault("30m")
    Duration codeLifetime();

    /** A fulfilment still NEW this long after it opened gets a reminder SMS. */
    @WithDefault("24h")
    Duration remindAfter();

    /** A fulfilment still NEW this long after it opened alerts the admins. */
    @WithDefault("48h")
    Duration escalateAfter();

    /** PBKDF2-HMAC-SHA512 iterations for PINs and codes (OWASP 2023: 210000). */
    @WithDefault("210000")
    int hashIterations();
}
