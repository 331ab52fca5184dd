package org.originlive.notify;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.originlive.cooperative.CooperativeService;
import org.originlive.fulfillment.FulfillmentService;
import org.originlive.i18n.Lang;
import org.originlive.order.OrderService;
import org.originlive.sale.SaleQueries;

/**
 * What an email says, in the buyer's language: templates {@code templates/email/<kind>_<lang>.txt}
 * (first line the subject, English when a language has none), filled from the sale, order or
 * fulfilment as it is when the email goes out.
 */
@ApplicationScoped
class EmailContent {

    /** A message ready to send. */
    record Email(String subject, String text) {}

    /** A line as the templates print it. */
    @TemplateData
    record Line(int quantity, String name, String amount) {}

    private final Engine engine;
    private final SaleQueries sales;
    private final OrderService orders;
    private final FulfillmentService fulfillments;
    private final CooperativeService cooperatives;
    private final String baseUrl;

    EmailContent(
            Engine engine,
            SaleQueries sales,
            OrderService orders,
            FulfillmentService fulfillments,
            CooperativeService cooperatives,
            @ConfigProperty(name = "originlive.public-base-url", defaultValue = "http://localhost:8080")
                    String baseUrl) {
        this.engine = engine;
        this.sales = sales;
        this.orders = orders;
        this.fulfillments = fulfillments;
        this.cooperatives = cooperatives;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The data of {@code kind} about {@code refId}, to go with the common values ({@code name}, links). */
    Uni<Map<String, Object>> data(EmailRepository.Kind kind, UUID refId, String language) {
        return switch (kind) {
            case CONFIRM -> Uni.createFrom().item(Map.of());
            case REMINDER -> sales.get(refId, new Lang(language))
                    .map(s -> Map.of("saleTitle", s.title(), "saleUrl", saleUrl(refId)));
            case ORDER_PAID -> orders.view(refId)
                    .map(o -> Map.of(
                            "orderNumber", orderNumber(o.id()),
                            "lines",
                                    o.lines().stream()
                                            .map(l -> new Line(
                                                    l.quantity(),
                                                    l.name(),
                                                    money(l.unitPriceMinor() * l.quantity(), o.currency())))
                                            .toList(),
                            "total", money(o.totalMinor(), o.currency())));
            case SHIPPED -> fulfillments.view(refId).flatMap(f -> cooperatives
                    .get(f.cooperativeId())
                    .map(c -> Map.of(
                            "orderNumber", orderNumber(f.orderId()),
                            "cooperative", c.name,
                            "lines",
                                    f.lines().stream()
                                            .map(l -> new Line(l.quantity(), l.name(), ""))
                                            .toList(),
                            "carrier", String.valueOf(f.carrier()),
                            "tracking", String.valueOf(f.trackingNumber()))));
        };
    }

    /** Renders the template of {@code kind} in {@code language} with {@code values}. */
    Email render(EmailRepository.Kind kind, String language, Map<String, Object> values) {
        Template template = template(kind, language);
        String text = template.data(new HashMap<>(values)).render().strip();
        int end = text.indexOf('\n');
        return new Email(text.substring(0, end).strip(), text.substring(end + 1).strip() + "\n");
    }

    String saleUrl(UUID saleId) {
        return baseUrl + "/live/" + saleId;
    }

    private Template template(EmailRepository.Kind kind, String language) {
        String name =
                switch (kind) {
                    case CONFIRM -> "confirm";
                    case REMINDER -> "reminder";
                    case ORDER_PAID -> "paid";
                    case SHIPPED -> "shipped";
                };
        Template template = engine.getTemplate("email/" + name + "_" + language);
        return template != null ? template : engine.getTemplate("email/" + name + "_en");
    }

    /** The order number buyers see: the order's id, as the API and the pages show it. */
    static String orderNumber(UUID orderId) {
        return orderId.toString();
    }

    /** "CNY 98.00", "RWF 4900": minor units at the currency's ISO 4217 exponent. */
    static String money(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return currency + " " + BigDecimal.valueOf(minor, digits).toPlainString();
    }
}
