package org.originlive.notify;

import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.as;

import io.restassured.RestAssured;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.originlive.support.Api;
import org.originlive.support.SmtpServer;

/** Buyers with addresses, and what GreenMail received for them. */
final class Emails {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/api/email/(confirm|unsubscribe)\\?token=(\\S+)");

    /** A consumer's token and address. */
    record Buyer(String token, String email) {}

    private Emails() {}

    static Buyer buyer() {
        String token = Api.consumer();
        String email = as(token).get("/api/me").then().statusCode(200).extract().path("email");
        return new Buyer(token, email);
    }

    /** A buyer whose address is confirmed through the emailed link, emails in {@code lang}. */
    static Buyer confirmed(String lang) {
        Buyer buyer = buyer();
        confirm(buyer, lang);
        return buyer;
    }

    static void confirm(Buyer buyer, String lang) {
        int before = SmtpServer.to(buyer.email()).size();
        as(buyer.token()).post("/api/me/email/confirm?lang=" + lang).then().statusCode(200);
        MimeMessage mail = await().atMost(Duration.ofSeconds(30))
                .until(() -> SmtpServer.to(buyer.email()), list -> list.size() > before)
                .get(before);
        RestAssured.given()
                .get("/api/email/confirm?token=" + token(text(mail), "confirm"))
                .then()
                .statusCode(200);
    }

    /** The messages to {@code email} received so far. */
    static List<MimeMessage> to(String email) {
        return SmtpServer.to(email);
    }

    /** Waits for the {@code n}th message to {@code email} (1 for the first). */
    static MimeMessage nth(String email, int n) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> SmtpServer.to(email), list -> list.size() >= n)
                .get(n - 1);
    }

    static String text(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            return content instanceof String s
                    ? s
                    : new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(MimeMessage mail, String name) {
        try {
            return mail.getHeader(name, ",");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token of the {@code kind} ("confirm", "unsubscribe") link in {@code text}. */
    static String token(String text, String kind) {
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(kind)) {
                return URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("No " + kind + " link in " + text);
    }

    /** The path and query of a link, to open it on the test's own port. */
    static String path(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    static Map<String, Object> ship(String carrier, String tracking) {
        return Map.of("carrier", carrier, "trackingNumber", tracking);
    }
}
