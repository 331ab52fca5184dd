package org.originlive.phone;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * Alert phones: a new phone gets one code by SMS and counts once it echoes it; nothing else is
 * ever sent to an unconfirmed number. Codes and PINs are stored hashed.
 */
@ApplicationScoped
class AlertService {

    static final int CODE_ATTEMPTS = 5;

    /** Codes a cooperative may cause in 24 hours: replacing the list again and again pumps no SMS. */
    static final int CODES_PER_DAY = 10;

    private final Transactions transactions;
    private final AlertPhones phones;
    private final SmsRepository sms;
    private final SmsRelay relay;
    private final Secrets secrets;
    private final OverdueRepository overdue;

    AlertService(
            Transactions transactions,
            AlertPhones phones,
            SmsRepository sms,
            SmsRelay relay,
            Secrets secrets,
            OverdueRepository overdue) {
        this.overdue = overdue;
        this.transactions = transactions;
        this.phones = phones;
        this.sms = sms;
        this.relay = relay;
        this.secrets = secrets;
    }

    Uni<PhoneApi.Alerts> get(Caller caller, UUID cooperativeId) {
        caller.requireCooperative(cooperativeId);
        return phones.language(cooperativeId).flatMap(language -> phones.ofCooperative(cooperativeId)
                .map(list -> new PhoneApi.Alerts(
                        list.stream()
                                .map(p -> new PhoneApi.AlertPhone(p.phone(), p.confirmed(), p.pinHash() != null))
                                .toList(),
                        language.orElse(null))));
    }

    Uni<PhoneApi.Alerts> put(Caller caller, UUID cooperativeId, PhoneApi.AlertsRequest request) {
        caller.requireCooperative(cooperativeId);
        if (!Texts.LANGUAGES.contains(request.language())) {
            throw new ProblemException(
                    ProblemType.UNSUPPORTED_LANGUAGE, "language must be one of " + String.join(", ", Texts.LANGUAGES));
        }
        List<String> list = request.phones().stream().distinct().toList();
        return transactions
                .inTransaction(tx -> replace(tx, cooperativeId, request.language(), list))
                .flatMap(x -> get(caller, cooperativeId));
    }

    /** Another cooperative's phone is 409; each phone new to the list is sent one code, at most 10 a day. */
    private Uni<Void> replace(Tx tx, UUID cooperativeId, String language, List<String> list) {
        return phones.takenByOthers(tx, cooperativeId, list).flatMap(taken -> {
            if (!taken.isEmpty()) {
                throw new ProblemException(
                        ProblemType.DUPLICATE, "Another cooperative has " + String.join(", ", taken));
            }
            return phones.replace(tx, cooperativeId, language, list)
                    .call(added -> capped(tx, cooperativeId, added.size()))
                    .flatMap(added -> Multi.createFrom()
                            .iterable(added)
                            .onItem()
                            .transformToUniAndConcatenate(p -> sms.queueCode(tx, cooperativeId, p))
                            .collect()
                            .asList())
                    .flatMap(ids -> relay.queue(tx, ids));
        });
    }

    private Uni<Void> capped(Tx tx, UUID cooperativeId, int adding) {
        if (adding == 0) {
            return Uni.createFrom().voidItem();
        }
        return sms.codesToday(tx, cooperativeId)
                .invoke(sent -> {
                    if (sent + adding > CODES_PER_DAY) {
                        throw new ProblemException(
                                ProblemType.RATE_LIMITED,
                                "At most " + CODES_PER_DAY + " verification codes a day; try again tomorrow");
                    }
                })
                .replaceWithVoid();
    }

    Uni<PhoneApi.Alerts> verify(Caller caller, UUID cooperativeId, PhoneApi.VerifyRequest request) {
        caller.requireCooperative(cooperativeId);
        return phones.codeAttempt(request.phone(), cooperativeId, CODE_ATTEMPTS)
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().item(false)
                        : secrets.matches(request.code(), found.get().codeHash()))
                .flatMap(ok -> {
                    if (!ok) {
                        throw new ProblemException(
                                ProblemType.VALIDATION, "Wrong, expired or used code (5 attempts per code)");
                    }
                    return phones.confirm(request.phone());
                })
                .flatMap(x -> get(caller, cooperativeId));
    }

    Uni<PhoneApi.Alerts> pin(Caller caller, UUID cooperativeId, PhoneApi.PinRequest request) {
        caller.requireCooperative(cooperativeId);
        return secrets.hash(request.pin())
                .flatMap(hash -> phones.setPin(request.phone(), cooperativeId, hash))
                .flatMap(set -> {
                    if (!set) {
                        throw ProblemException.notFound("Confirmed alert phone", request.phone());
                    }
                    return get(caller, cooperativeId);
                });
    }

    Uni<Page<PhoneApi.Sms>> history(Caller caller, UUID cooperativeId, PageRequest page) {
        caller.requireCooperative(cooperativeId);
        return sms.page(cooperativeId, page);
    }

    /** Fulfilments the admins were alerted of (still NEW past escalate-after); the resource checks ADMIN. */
    Uni<Page<PhoneApi.Overdue>> overdue(PageRequest page) {
        return overdue.escalated(page);
    }

    /** The provider's delivery report; unknown message ids are ignored. */
    Uni<Void> report(String messageId, String status, String reason) {
        return sms.report(messageId, status, reason).replaceWithVoid();
    }
}
