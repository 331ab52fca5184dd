package org.originlive.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.support.SmtpServer;

/** The confirmation link: sent in the asked-for language, bound to its address, refused when tampered or expired. */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class EmailLinksTest {

    @Inject
    Links links;

    @Test
    void theEmailedLinkConfirmsTheAddressItWasSentTo() {
        Emails.Buyer buyer = Emails.buyer();
        as(buyer.token())
                .post("/api/me/email/confirm?lang=fr")
                .then()
                .statusCode(200)
                .body("email", equalTo(buyer.email()))
                .body("confirmed", equalTo(false));
        MimeMessage mail = Emails.nth(buyer.email(), 1);
        assertThat(Emails.subject(mail)).isEqualTo("Confirmez votre adresse e-mail pour Origin Live");
        String text = Emails.text(mail);
        assertThat(text).contains(buyer.email()).contains("http://localhost:8080/api/email/confirm?token=");
        assertThat(Emails.header(mail, "List-Unsubscribe"))
                .startsWith("<http://localhost:8080/api/email/unsubscribe?token=");
        assertThat(Emails.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String token = Emails.token(text, "confirm");

        // One character changed anywhere: not a link we sent.
        String tampered = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
        refused(tampered, 400, "invalid-link");
        refused(token.substring(0, token.indexOf('.')), 400, "invalid-link");
        refused(Emails.token(text, "unsubscribe"), 400, "invalid-link");

        RestAssured.given()
                .get("/api/email/confirm?token=" + token)
                .then()
                .statusCode(200)
                .body("email", equalTo(buyer.email()))
                .body("confirmed", equalTo(true));
        // Confirmed already: nothing more is sent.
        as(buyer.token()).post("/api/me/email/confirm").then().statusCode(200).body("confirmed", equalTo(true));
        org.awaitility.Awaitility.await()
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> Emails.to(buyer.email()).size() == 1);
    }

    @Test
    void expiredLinksAndLinksForAnotherAddressAreRefused() {
        Emails.Buyer buyer = Emails.buyer();
        UUID id = UUID.fromString(
                as(buyer.token()).get("/api/me").then().extract().path("id"));
        refused(links.token(Links.Purpose.CONFIRM, id, buyer.email(), Duration.ofSeconds(-1)), 410, "link-expired");
        refused(
                links.token(Links.Purpose.CONFIRM, id, "someone-else@example.com", Duration.ofHours(1)),
                409,
                "email-changed");
        RestAssured.given()
                .get("/api/email/confirm?token="
                        + links.token(Links.Purpose.CONFIRM, id, buyer.email(), Duration.ofHours(1)))
                .then()
                .statusCode(200);
        refused("", 422, "validation");
    }

    private static void refused(String token, int status, String slug) {
        RestAssured.given()
                .get("/api/email/confirm?token=" + token)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", endsWith("/" + slug));
    }
}
