package org.originlive.notify;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.originlive.account.AccountService;
import org.originlive.common.Caller;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Transactions;

/** Confirming the caller's address by a signed link, and unsubscribing by one. */
@ApplicationScoped
class EmailService {

    private final Transactions transactions;
    private final AccountService accounts;
    private final Recipients recipients;
    private final EmailRepository emails;
    private final EmailRelay relay;
    private final Links links;
    private final NotifyConfig config;

    EmailService(
            Transactions transactions,
            AccountService accounts,
            Recipients recipients,
            EmailRepository emails,
            EmailRelay relay,
            Links links,
            NotifyConfig config) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.recipients = recipients;
        this.emails = emails;
        this.relay = relay;
        this.links = links;
        this.config = config;
    }

    /**
     * Sends the caller's address a confirmation link (in {@code language}, or the one known), unless
     * it is confirmed already. A few per hour at most (429 rate-limited).
     */
    Uni<NotifyApi.EmailStatus> requestConfirmation(Caller caller, String language) {
        return accounts.get(caller.id())
                .flatMap(user -> recipients.find(caller.id()).flatMap(known -> {
                    String email = user.email.toLowerCase(Locale.ROOT);
                    if (known.isPresent() && email.equals(known.get().confirmedEmail())) {
                        return Uni.createFrom().item(new NotifyApi.EmailStatus(email, true));
                    }
                    String written = language != null
                            ? language
                            : known.map(Recipients.Recipient::language).orElse("en");
                    return transactions
                            .inTransaction(tx -> emails.confirmationsLastHour(tx, caller.id())
                                    .flatMap(sent -> {
                                        if (sent >= config.confirmationsPerHour()) {
                                            throw new ProblemException(
                                                    ProblemType.RATE_LIMITED,
                                                    "Confirmation emails were sent recently; try later");
                                        }
                                        return recipients.language(tx, caller.id(), language);
                                    })
                                    .flatMap(x -> emails.queueConfirmation(tx, caller.id(), email, written))
                                    .flatMap(id -> relay.queue(tx, java.util.List.of(id))))
                            .replaceWith(new NotifyApi.EmailStatus(email, false));
                }));
    }

    /** The link's address becomes the account's confirmed one, if it still is the account's address (409 otherwise). */
    Uni<NotifyApi.EmailStatus> confirm(String token) {
        Links.Claims claims = links.verify(token, Links.Purpose.CONFIRM);
        return accounts.get(claims.userId())
                .onFailure()
                .transform(e -> new ProblemException(ProblemType.INVALID_LINK, "This link's account is gone"))
                .flatMap(user -> {
                    if (!user.email.equalsIgnoreCase(claims.email())) {
                        throw new ProblemException(
                                ProblemType.EMAIL_CHANGED,
                                "The account's address is no longer the one this link confirms");
                    }
                    return transactions.inTransaction(tx -> recipients.confirmed(tx, claims.userId(), claims.email()));
                })
                .replaceWith(new NotifyApi.EmailStatus(claims.email(), true));
    }

    /** Idempotent: the link's address gets no more reminders or order emails. */
    Uni<NotifyApi.Unsubscribed> unsubscribe(String token) {
        Links.Claims claims = links.verify(token, Links.Purpose.UNSUBSCRIBE);
        return recipients.unsubscribe(claims.email()).replaceWith(new NotifyApi.Unsubscribed(claims.email(), true));
    }
}
