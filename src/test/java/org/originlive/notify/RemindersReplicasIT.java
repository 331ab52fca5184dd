package org.originlive.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.PostgresResource;
import org.originlive.support.ProdSettings;
import org.originlive.support.Replica;
import org.originlive.support.SmtpServer;

/**
 * Two packaged replicas on one database and one SMTP server: when a sale goes LIVE every reminded
 * buyer with a confirmed address gets exactly one reminder, the unconfirmed none, though both
 * replicas relay (small pages, so the sale takes several transactions).
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = RemindersReplicasIT.Smtp.class, restrictToAnnotatedClass = true)
class RemindersReplicasIT {

    private static final Map<String, String> PAGES = Map.of("originlive.notify.reminder-page", "3");

    public static class Smtp extends ProdSettings {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            config.putAll(new SmtpServer().start());
            config.putAll(PAGES);
            return config;
        }
    }

    @Test
    void eachConfirmedBuyerIsRemindedExactlyOnceAcrossReplicas() {
        Map<String, String> config = new HashMap<>(PAGES);
        config.putAll(SmtpServer.config());
        config.putAll(PostgresResource.server().datasourceConfig());
        try (Replica other = Replica.start(config)) {
            String host = Api.host();
            String sale = Api.scheduledSale(host, Api.product(Api.cooperative(), 4900, 10), 5, 2);
            List<Emails.Buyer> confirmed = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                confirmed.add(Emails.confirmed(i % 2 == 0 ? "en" : "fr"));
            }
            Emails.Buyer unconfirmed = Emails.buyer();
            for (Emails.Buyer b : confirmed) {
                as(b.token()).post(ReminderApiTest.path(sale)).then().statusCode(201);
            }
            // The reminders reach either replica.
            RestAssured.given()
                    .port(other.port)
                    .header("Authorization", "Bearer " + unconfirmed.token())
                    .post(ReminderApiTest.path(sale))
                    .then()
                    .statusCode(201);
            RestAssured.given()
                    .port(other.port)
                    .header("Authorization", "Bearer " + host)
                    .post("/api/sales/" + sale + "/start")
                    .then()
                    .statusCode(200);

            await().atMost(Duration.ofSeconds(60)).until(() -> confirmed.stream()
                    .allMatch(b -> Emails.to(b.email()).size() >= 2));
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> confirmed.stream()
                                    .allMatch(b -> Emails.to(b.email()).size() == 2)
                            && Emails.to(unconfirmed.email()).isEmpty());
            for (Emails.Buyer b : confirmed) {
                assertThat(Emails.text(Emails.nth(b.email(), 2))).contains("/live/" + sale);
            }
        }
    }
}
