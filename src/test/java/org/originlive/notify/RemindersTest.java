package org.originlive.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.as;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.SmtpServer;

/** When a sale goes LIVE each reminded buyer with a confirmed, subscribed address gets one email; SMTP outages are retried. */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class RemindersTest {

    @Inject
    MeterRegistry registry;

    @Test
    void confirmedBuyersAreRemindedOnceTheOthersNot() {
        String host = Api.host();
        String sale = Api.scheduledSale(host, Api.product(Api.cooperative(), 4900, 10), 5, 2);
        Emails.Buyer zh = Emails.confirmed("zh-CN");
        Emails.Buyer en = Emails.confirmed("en");
        Emails.Buyer unconfirmed = Emails.buyer();
        Emails.Buyer unsubscribed = Emails.confirmed("en");
        String link = Emails.token(Emails.text(Emails.nth(unsubscribed.email(), 1)), "unsubscribe");
        RestAssured.given().get("/api/email/unsubscribe?token=" + link).then().statusCode(200);
        for (Emails.Buyer b : List.of(zh, en, unconfirmed, unsubscribed)) {
            as(b.token()).post(ReminderApiTest.path(sale)).then().statusCode(201);
        }
        as(host).post("/api/sales/" + sale + "/start").then().statusCode(200);

        assertThat(Emails.subject(Emails.nth(zh.email(), 2))).isEqualTo("正在直播：Rwandan coffee live");
        assertThat(Emails.text(Emails.nth(en.email(), 2))).contains("http://localhost:8080/live/" + sale);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> Emails.to(zh.email()).size() == 2
                        && Emails.to(en.email()).size() == 2
                        && Emails.to(unconfirmed.email()).isEmpty()
                        && Emails.to(unsubscribed.email()).size() == 1);
        as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);
    }

    @Test
    void anEmailTheServerCouldNotTakeIsSentOnceItIsBack() {
        Emails.Buyer buyer = Emails.confirmed("en");
        String host = Api.host();
        String sale = Api.scheduledSale(host, Api.product(Api.cooperative(), 4900, 10), 5, 2);
        as(buyer.token()).post(ReminderApiTest.path(sale)).then().statusCode(201);
        double retried = retries();
        SmtpServer.down();
        try {
            as(host).post("/api/sales/" + sale + "/start").then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= retried + 2);
        } finally {
            SmtpServer.up();
        }
        // The server restarted empty: the confirmation it held is gone, the reminder arrives once.
        assertThat(Emails.subject(Emails.nth(buyer.email(), 1))).startsWith("Live now: ");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> Emails.to(buyer.email()).size() == 1);
    }

    private double retries() {
        return registry.counter("originlive.email.failed", "status", "RETRY").count();
    }
}
