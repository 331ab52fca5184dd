package org.originlive.phone;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.Role;

/**
 * The USSD menu, stateless: the provider's {@code text} (every answer of the session, joined by
 * {@code *}) is read again on every request, PIN first, so any replica answers. A wrong PIN ends
 * the session and counts; {@code pin-attempts} in a row lock the phone. The text is never logged.
 */
@ApplicationScoped
class UssdService {

    private final AlertPhones phones;
    private final Secrets secrets;
    private final UssdMenu menu;
    private final UssdConfig config;
    private final Clock clock;

    UssdService(AlertPhones phones, Secrets secrets, UssdMenu menu, UssdConfig config, Clock clock) {
        this.phones = phones;
        this.secrets = secrets;
        this.menu = menu;
        this.config = config;
        this.clock = clock;
    }

    /** The reply: {@code CON …} to go on, {@code END …} to finish. */
    Uni<String> answer(String phoneNumber, String text) {
        String phone = phoneNumber == null ? "" : phoneNumber.trim();
        List<String> answers = text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\\*", -1));
        return phones.find(phone)
                .flatMap(found -> found.isPresent() && found.get().confirmed()
                        ? phones.language(found.get().cooperativeId())
                                .flatMap(language -> session(found.get(), language.orElse("en"), answers))
                        : Uni.createFrom().item(UssdMenu.end("en", "ussd.unknown")));
    }

    private Uni<String> session(AlertPhones.Stored phone, String language, List<String> answers) {
        if (phone.lockedUntil() != null && phone.lockedUntil().isAfter(clock.instant())) {
            return Uni.createFrom().item(UssdMenu.end(language, "ussd.locked"));
        }
        if (phone.pinHash() == null) {
            return Uni.createFrom().item(UssdMenu.end(language, "ussd.no_pin"));
        }
        if (answers.isEmpty()) {
            return Uni.createFrom().item(UssdMenu.con(Texts.get(language, "ussd.pin")));
        }
        return secrets.matches(answers.get(0), phone.pinHash()).flatMap(ok -> {
            if (!ok) {
                return phones.pinFailed(phone.phone(), config.pinAttempts(), config.lockFor())
                        .replaceWith(UssdMenu.end(language, "ussd.wrong_pin"));
            }
            Uni<Void> passed = answers.size() == 1
                    ? phones.pinPassed(phone.phone())
                    : Uni.createFrom().voidItem();
            Caller staff = staff(phone);
            return passed.flatMap(x -> menu.answer(staff, language, answers.subList(1, answers.size())));
        });
    }

    /** The phone acts as its cooperative's staff, through the same services and rules as the API. */
    private static Caller staff(AlertPhones.Stored phone) {
        UUID id = UUID.nameUUIDFromBytes(("ussd:" + phone.phone()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Caller(id, Set.of(Role.COOPERATIVE), phone.cooperativeId());
    }
}
