package org.originlive.phone;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.originlive.common.Caller;
import org.originlive.common.PageRequest;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.fulfillment.FulfillmentApi;
import org.originlive.fulfillment.FulfillmentService;
import org.originlive.fulfillment.FulfillmentStatus;
import org.originlive.ledger.LedgerService;

/**
 * The menu after the PIN: 1 new orders (paged with 9), 2 accept (code), 3 ship (code, carrier,
 * tracking), 4 balance. Changes go through FulfillmentService as the API's do; each screen fits
 * USSD's limit (Texts.screenLimit).
 */
@ApplicationScoped
class UssdMenu {

    private final FulfillmentService fulfillments;
    private final LedgerService ledger;

    UssdMenu(FulfillmentService fulfillments, LedgerService ledger) {
        this.fulfillments = fulfillments;
        this.ledger = ledger;
    }

    Uni<String> answer(Caller staff, String language, List<String> answers) {
        if (answers.isEmpty()) {
            return Uni.createFrom().item(con(Texts.get(language, "ussd.menu")));
        }
        List<String> rest = answers.subList(1, answers.size());
        return switch (answers.get(0)) {
            case "1" -> orders(staff, language, rest);
            case "2" -> rest.isEmpty() ? ask(language, "ussd.ask_code") : accept(staff, language, rest);
            case "3" -> rest.isEmpty() ? ask(language, "ussd.ask_code") : ship(staff, language, rest);
            case "4" -> rest.isEmpty() ? balance(staff, language) : invalid(language);
            default -> invalid(language);
        };
    }

    private Uni<String> orders(Caller staff, String language, List<String> more) {
        if (more.stream().anyMatch(a -> !a.equals("9"))) {
            return invalid(language);
        }
        return fulfillments
                .list(staff, staff.cooperativeId(), FulfillmentStatus.NEW, new PageRequest(0, PageRequest.MAX_SIZE))
                .map(page -> {
                    if (page.items().isEmpty()) {
                        return end(language, "ussd.none");
                    }
                    List<String> lines = new ArrayList<>();
                    page.items().forEach(f -> lines.add(f.shortCode() + " " + SmsSender.items(f)));
                    return UssdPages.page(lines, more.size(), Texts.get(language, "ussd.more"));
                });
    }

    private Uni<String> accept(Caller staff, String language, List<String> rest) {
        if (rest.size() != 1) {
            return invalid(language);
        }
        String code = rest.get(0).trim().toUpperCase(java.util.Locale.ROOT);
        return move(staff, language, code, FulfillmentStatus.ACCEPTED, null, "ussd.accepted");
    }

    private Uni<String> ship(Caller staff, String language, List<String> rest) {
        String code = rest.get(0).trim().toUpperCase(java.util.Locale.ROOT);
        return switch (rest.size()) {
            case 1 -> fulfillments
                    .byShortCode(staff.cooperativeId(), code)
                    .map(found -> found.isPresent()
                            ? con(Texts.get(language, "ussd.ask_carrier", code))
                            : end(language, "ussd.not_found", code));
            case 2 -> rest.get(1).isBlank() ? invalid(language) : ask(language, "ussd.ask_tracking");
            case 3 -> rest.get(1).isBlank() || rest.get(2).isBlank()
                    ? invalid(language)
                    : move(staff, language, code, FulfillmentStatus.SHIPPED, shipment(rest), "ussd.shipped");
            default -> invalid(language);
        };
    }

    private static FulfillmentApi.ShipRequest shipment(List<String> rest) {
        return new FulfillmentApi.ShipRequest(
                Texts.cut(rest.get(1).trim(), 100), Texts.cut(rest.get(2).trim(), 100));
    }

    /** The same move as the API's, by the cooperative's short code; another cooperative's code is not found. */
    private Uni<String> move(
            Caller staff,
            String language,
            String code,
            FulfillmentStatus to,
            FulfillmentApi.ShipRequest ship,
            String done) {
        return fulfillments
                .byShortCode(staff.cooperativeId(), code)
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().item(end(language, "ussd.not_found", code))
                        : fulfillments
                                .move(staff, found.get(), to, ship)
                                .map(view -> end(language, done, code))
                                .onFailure(e ->
                                        e instanceof ProblemException p && p.type() == ProblemType.ILLEGAL_TRANSITION)
                                .recoverWithUni(e -> fulfillments
                                        .view(found.get())
                                        .map(view -> end(
                                                language,
                                                "ussd.illegal",
                                                code,
                                                view.status().name()))));
    }

    private Uni<String> balance(Caller staff, String language) {
        return ledger.balance(staff, staff.cooperativeId()).map(list -> {
            if (list.items().isEmpty()) {
                return end(language, "ussd.no_money");
            }
            StringBuilder screen = new StringBuilder(Texts.get(language, "ussd.balance"));
            list.items().forEach(b -> screen.append('\n')
                    .append(Texts.get(
                            language,
                            "ussd.balance_line",
                            b.currency(),
                            major(b.availableMinor(), b.currency()),
                            major(b.pendingMinor(), b.currency()))));
            return "END " + Texts.cut(screen.toString(), Texts.screenLimit(screen.toString()) - 4);
        });
    }

    /** Minor units in major units with the currency's ISO 4217 exponent (RWF 1500, USD 15.00). */
    static String major(long minor, String currency) {
        return BigDecimal.valueOf(minor, Currency.getInstance(currency).getDefaultFractionDigits())
                .toPlainString();
    }

    private static Uni<String> ask(String language, String key) {
        return Uni.createFrom().item(con(Texts.get(language, key)));
    }

    private static Uni<String> invalid(String language) {
        return Uni.createFrom().item(end(language, "ussd.invalid"));
    }

    static String con(String text) {
        return "CON " + text;
    }

    static String end(String language, String key, Object... args) {
        return "END " + Texts.get(language, key, args);
    }
}
