package org.originlive.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

/** Bans, timeouts and the per-user rules, judged by the database so they hold under concurrency. */
@QuarkusTest
class ChatModerationTest {

    @Test
    void aBannedUserGets403UntilUnbannedAndTheBanIsListed() {
        String host = Api.host();
        String sale = Chat.liveSale(host);
        String buyer = Api.consumer();
        String buyerId = Chat.userId(buyer);
        String endsAt =
                Api.anonymous().get("/api/sales/" + sale).then().extract().path("endsAt");
        Chat.say(buyer, sale, "before");
        String bans = "/api/sales/" + sale + "/chat/bans";
        as(host).body(Map.of("userId", buyerId, "reason", "spam"))
                .post(bans)
                .then()
                .statusCode(201)
                .body("userId", equalTo(buyerId))
                .body("reason", equalTo("spam"))
                .body("until", equalTo(endsAt));
        Chat.post(buyer, sale, "let me in").then().statusCode(403).body("type", endsWith("/banned"));
        as(host).get(bans).then().statusCode(200).body("items.userId", contains(buyerId));
        // A ban is per sale: the same user still talks elsewhere.
        Chat.post(buyer, Chat.liveSale(host), "elsewhere").then().statusCode(201);

        as(host).delete(bans + "/" + buyerId).then().statusCode(204);
        as(host).get(bans).then().body("items", empty());
        Chat.post(buyer, sale, "back again").then().statusCode(201);
    }

    @Test
    void aTimeoutEndsByItself() {
        String host = Api.host();
        String sale = Chat.liveSale(host);
        String buyer = Api.consumer();
        as(Api.admin())
                .body(Map.of("userId", Chat.userId(buyer), "durationSeconds", 2))
                .post("/api/sales/" + sale + "/chat/bans")
                .then()
                .statusCode(201);
        Chat.post(buyer, sale, "now?").then().statusCode(403);
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Chat.post(buyer, sale, "and now?").statusCode() == 201);
        as(host).get("/api/sales/" + sale + "/chat/bans").then().body("items", empty());
    }

    @Test
    void badBansAre4xx() {
        String host = Api.host();
        String sale = Chat.liveSale(host);
        String bans = "/api/sales/" + sale + "/chat/bans";
        String buyerId = Chat.userId(Api.consumer());
        for (int duration : List.of(0, -5, 1_209_601)) {
            as(host).body(Map.of("userId", buyerId, "durationSeconds", duration))
                    .post(bans)
                    .then()
                    .statusCode(422)
                    .body("violations[0].field", equalTo("durationSeconds"));
        }
        as(host).body(Map.of("userId", buyerId, "durationSeconds", 1_209_600))
                .post(bans)
                .then()
                .statusCode(201);
        as(host).body(Map.of("userId", buyerId, "durationSeconds", 1.5))
                .post(bans)
                .then()
                .statusCode(400);
        as(host).body(Map.of("userId", buyerId, "durationSeconds", "60"))
                .post(bans)
                .then()
                .statusCode(400);
        as(host).body(Map.of("userId", "not-a-uuid")).post(bans).then().statusCode(400);
        as(host).body(Map.of("durationSeconds", 60)).post(bans).then().statusCode(422);
        as(host).body(Map.of("userId", "00000000-0000-0000-0000-000000000009"))
                .post(bans)
                .then()
                .statusCode(422);
        as(host).body(Map.of("userId", buyerId, "reason", "bad\u202Ereason"))
                .post(bans)
                .then()
                .statusCode(422);
        as(host).body(Map.of("userId", Chat.userId(host))).post(bans).then().statusCode(422);
        as(host).body(Map.of("userId", Chat.userId(Api.admin())))
                .post(bans)
                .then()
                .statusCode(422);
    }

    @Test
    void slowModeLetsOneMessageThroughPerIntervalAndModeratorsAreExempt() {
        String host = Api.host();
        String sale = Chat.liveSale(host);
        String buyer = Api.consumer();
        as(host).body(Map.of("enabled", true, "slowModeSeconds", 30, "blockedTerms", List.of()))
                .put("/api/sales/" + sale + "/chat/settings")
                .then()
                .statusCode(200);
        Chat.say(buyer, sale, "first");
        Response second = Chat.post(buyer, sale, "second");
        second.then().statusCode(429).contentType("application/problem+json").body("type", endsWith("/slow-mode"));
        assertThat(Integer.parseInt(second.header("Retry-After"))).isBetween(1, 30);
        Chat.say(host, sale, "host one");
        Chat.say(host, sale, "host two");
        // Another user has their own interval.
        Chat.say(Api.consumer(), sale, "someone else");
    }

    @Test
    void oneQuestionAMinutePerUser() {
        String sale = Chat.liveSale(Api.host());
        String buyer = Api.consumer();
        Chat.question(buyer, sale, "Does it ship to Shanghai?")
                .then()
                .statusCode(201)
                .body("kind", equalTo("QUESTION"));
        Response again = Chat.question(buyer, sale, "And to Beijing?");
        again.then().statusCode(429).body("type", endsWith("/slow-mode"));
        assertThat(Integer.parseInt(again.header("Retry-After"))).isBetween(1, 60);
        // Plain messages are not questions.
        Chat.say(buyer, sale, "thanks");
        Chat.question(Api.consumer(), sale, "Is it spicy?").then().statusCode(201);
        Chat.read(sale, "?kind=QUESTION")
                .then()
                .body("items.body", contains("Does it ship to Shanghai?", "Is it spicy?"));
    }
}
