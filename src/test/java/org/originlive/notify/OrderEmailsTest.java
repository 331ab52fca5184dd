package org.originlive.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.SmtpServer;

/** A paid order and a shipped parcel each email the buyer once, in their language, with an unsubscribe link that works. */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class OrderEmailsTest {

    @Test
    void paidAndShippedEmailsInTheBuyersLanguageUntilUnsubscribed() {
        Emails.Buyer buyer = Emails.confirmed("fr");
        String coop = Api.cooperative();
        String product = Api.product(coop, 1250, 100);
        String order = orderAndPay(buyer.token(), product, 3);

        MimeMessage paid = Emails.nth(buyer.email(), 2);
        assertThat(Emails.subject(paid)).isEqualTo("La commande " + order + " est payée");
        String paidText = Emails.text(paid);
        assertThat(paidText)
                .contains("3 x ")
                .contains("Total : ")
                .contains("Se désabonner : http://localhost:8080/api/email/unsubscribe?token=");

        String staff = Api.cooperativeStaff(coop);
        List<Map<String, Object>> refs =
                as(buyer.token()).get("/api/orders/" + order).then().extract().path("fulfillments");
        String fulfillment = (String) refs.get(0).get("id");
        as(staff).post("/api/fulfillments/" + fulfillment + "/accept").then().statusCode(200);
        as(staff)
                .body(Emails.ship("DHL", "JD0146000099"))
                .post("/api/fulfillments/" + fulfillment + "/ship")
                .then()
                .statusCode(200);

        MimeMessage shipped = Emails.nth(buyer.email(), 3);
        assertThat(Emails.subject(shipped)).isEqualTo("Commande " + order + " : votre colis est en route");
        assertThat(Emails.text(shipped))
                .contains("Transporteur : DHL")
                .contains("Numéro de suivi : JD0146000099")
                .contains(" a expédié ");
        assertThat(Emails.header(shipped, "Content-Language")).isEqualTo("fr");

        String unsubscribe = Emails.token(Emails.text(shipped), "unsubscribe");
        for (int i = 0; i < 2; i++) {
            RestAssured.given()
                    .get("/api/email/unsubscribe?token=" + unsubscribe)
                    .then()
                    .statusCode(200)
                    .body("email", equalTo(buyer.email()))
                    .body("unsubscribed", equalTo(true));
        }
        RestAssured.given()
                .post("/api/email/unsubscribe?token=" + unsubscribe)
                .then()
                .statusCode(200);
        orderAndPay(buyer.token(), product, 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> Emails.to(buyer.email()).size() == 3);
    }

    @Test
    void anUnconfirmedAddressGetsNoOrderEmail() {
        Emails.Buyer buyer = Emails.buyer();
        orderAndPay(buyer.token(), Api.product(Api.cooperative(), 900, 10), 1);
        // A confirmed buyer's order, paid after it, is mailed: the relay has passed the first one by then.
        Emails.Buyer other = Emails.confirmed("en");
        orderAndPay(other.token(), Api.product(Api.cooperative(), 900, 10), 1);
        Emails.nth(other.email(), 2);
        assertThat(SmtpServer.to(buyer.email())).isEmpty();
    }

    static String orderAndPay(String buyer, String product, int units) {
        String order = as(buyer)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of(
                        "items",
                        List.of(Map.of("productId", product, "quantity", units)),
                        "shippingAddress",
                        Api.address()))
                .post("/api/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(buyer)
                .body(Map.of("method", "sandbox"))
                .post("/api/orders/" + order + "/pay")
                .then()
                .statusCode(200);
        return order;
    }
}
