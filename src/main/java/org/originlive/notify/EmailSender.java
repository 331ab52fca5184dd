package org.originlive.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.originlive.account.AccountService;
import org.originlive.account.User;

/**
 * One attempt at one email: claim it (so nobody else sends it), check the address may be written
 * to (confirmed and subscribed; confirmations go to the address asked for), write it in the
 * buyer's language, send, record the outcome. Retries only when the server took nothing (no
 * connection, or a 4xx reply); a timeout or a broken connection leaves it UNKNOWN, never sent
 * again (at most once).
 */
// Created at start-up: its meters are exported before the first email.
@io.quarkus.runtime.Startup
@ApplicationScoped
class EmailSender {

    private final EmailRepository emails;
    private final Recipients recipients;
    private final AccountService accounts;
    private final EmailContent content;
    private final Links links;
    private final ReactiveMailer mailer;
    private final NotifyConfig config;
    private final Clock clock;
    private final MeterRegistry registry;

    EmailSender(
            EmailRepository emails,
            Recipients recipients,
            AccountService accounts,
            EmailContent content,
            Links links,
            ReactiveMailer mailer,
            NotifyConfig config,
            Clock clock,
            MeterRegistry registry) {
        this.emails = emails;
        this.recipients = recipients;
        this.accounts = accounts;
        this.content = content;
        this.links = links;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        // Registered up front so dashboards see zeros, not gaps.
        for (EmailRepository.Kind kind : EmailRepository.Kind.values()) {
            registry.counter("originlive.email.sent", "kind", kind.name());
        }
        for (String status : new String[] {"FAILED", "UNKNOWN", "RETRY"}) {
            registry.counter("originlive.email.failed", "status", status);
        }
    }

    /** Never fails: every outcome is written to the email's row. */
    Uni<Void> attempt(UUID id) {
        return emails.claim(id)
                .flatMap(claimed -> claimed.isEmpty() ? Uni.createFrom().voidItem() : send(claimed.get()))
                .onFailure()
                .recoverWithUni(e -> {
                    Log.warnf("Email %s: %s", id, e.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    /** Who it goes to and what it says, or why it does not go. */
    private record Prepared(String to, Mail mail, String skipped) {}

    private Uni<Void> send(EmailRepository.Claimed c) {
        return prepare(c)
                // Nothing could be read (the database, say): another attempt later.
                .onFailure()
                .recoverWithUni(e -> emails.finish(c.id(), retry(c, null, "not prepared: " + e))
                        .replaceWith((Prepared) null))
                .flatMap(p -> {
                    if (p == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (p.skipped() != null) {
                        return emails.finish(c.id(), new EmailRepository.Outcome("SKIPPED", p.to(), p.skipped(), null));
                    }
                    return deliver(c, p);
                });
    }

    private Uni<Prepared> prepare(EmailRepository.Claimed c) {
        return accounts.get(c.userId())
                .flatMap(user -> recipients.find(c.userId()).flatMap(found -> {
                    String current = user.email.toLowerCase(Locale.ROOT);
                    String language = c.language() != null
                            ? c.language()
                            : found.map(r -> r.language()).orElse("en");
                    if (c.kind() == EmailRepository.Kind.CONFIRM) {
                        return !current.equals(c.address().toLowerCase(Locale.ROOT))
                                ? skip(c.address(), "the account's address changed")
                                : compose(c, user, c.address(), language);
                    }
                    if (found.isEmpty() || !current.equals(found.get().confirmedEmail())) {
                        return skip(current, "address not confirmed");
                    }
                    return recipients
                            .unsubscribed(current)
                            .flatMap(unsubscribed ->
                                    unsubscribed ? skip(current, "unsubscribed") : compose(c, user, current, language));
                }));
    }

    private static Uni<Prepared> skip(String to, String why) {
        return Uni.createFrom().item(new Prepared(to, null, why));
    }

    private Uni<Prepared> compose(EmailRepository.Claimed c, User user, String to, String language) {
        String unsubscribe = links.link(
                EmailResource.UNSUBSCRIBE_PATH,
                Links.Purpose.UNSUBSCRIBE,
                c.userId(),
                to,
                config.unsubscribeLinkLifetime());
        return content.data(c.kind(), c.refId(), language).map(data -> {
            Map<String, Object> values = new HashMap<>(data);
            values.put("name", user.displayName);
            values.put("email", to);
            values.put("unsubscribeUrl", unsubscribe);
            if (c.kind() == EmailRepository.Kind.CONFIRM) {
                values.put(
                        "confirmUrl",
                        links.link(
                                EmailResource.CONFIRM_PATH,
                                Links.Purpose.CONFIRM,
                                c.userId(),
                                to,
                                config.confirmLinkLifetime()));
            }
            EmailContent.Email email = content.render(c.kind(), language, values);
            Mail mail = Mail.withText(to, email.subject(), email.text())
                    .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                    .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                    .addHeader("Content-Language", language);
            return new Prepared(to, mail, null);
        });
    }

    private Uni<Void> deliver(EmailRepository.Claimed c, Prepared p) {
        return mailer.send(p.mail())
                .ifNoItem()
                .after(config.timeout())
                .failWith(TimeoutException::new)
                .map(x -> {
                    registry.counter("originlive.email.sent", "kind", c.kind().name())
                            .increment();
                    return new EmailRepository.Outcome("SENT", p.to(), null, null);
                })
                .onFailure()
                .recoverWithItem(e -> outcome(c, p.to(), e))
                .flatMap(o -> emails.finish(c.id(), o));
    }

    private EmailRepository.Outcome outcome(EmailRepository.Claimed c, String to, Throwable e) {
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (unsent(e)) {
            return retry(c, to, error);
        }
        String status = e instanceof SMTPException ? "FAILED" : "UNKNOWN";
        registry.counter("originlive.email.failed", "status", status).increment();
        return new EmailRepository.Outcome(status, to, error, null);
    }

    /**
     * True when the server cannot have taken the message: no connection was made, or it answered
     * with a transient (4xx) refusal. A permanent refusal (5xx) fails; anything else may have been
     * delivered.
     */
    static boolean unsent(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof ConnectException
                    || e instanceof java.net.UnknownHostException
                    || e instanceof java.net.NoRouteToHostException
                    || (e instanceof SMTPException smtp && smtp.isTransient())) {
                return true;
            }
        }
        return false;
    }

    private EmailRepository.Outcome retry(EmailRepository.Claimed c, String to, String error) {
        if (c.attempts() >= config.maxAttempts()) {
            registry.counter("originlive.email.failed", "status", "FAILED").increment();
            return new EmailRepository.Outcome("FAILED", to, error + " (last attempt)", null);
        }
        registry.counter("originlive.email.failed", "status", "RETRY").increment();
        Duration wait = config.retryBackoff().multipliedBy(1L << Math.min(20, c.attempts() - 1));
        Duration capped = wait.compareTo(config.retryBackoffMax()) > 0 ? config.retryBackoffMax() : wait;
        return new EmailRepository.Outcome("RETRY", to, error, clock.instant().plus(capped));
    }
}
