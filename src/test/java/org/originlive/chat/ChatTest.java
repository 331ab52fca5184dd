package org.originlive.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

/** Posting and reading a sale's chat, and every bad input as a 4xx. */
@QuarkusTest
class ChatTest {

    @Test
    void messagesAreNumberedPerSaleAndReadInSeqOrderAfterAnySeq() {
        String host = Api.host();
        String sale = Chat.liveSale(host);
        String buyer = Api.consumer();
        String buyerId = Chat.userId(buyer);
        Chat.post(buyer, sale, "  Does the chili sauce ship to Shanghai?  ")
                .then()
                .statusCode(201)
                .body("saleId", equalTo(sale))
                .body("seq", equalTo(1))
                .body("body", equalTo("Does the chili sauce ship to Shanghai?"))
                .body("kind", equalTo("TEXT"))
                .body("status", equalTo("VISIBLE"))
                .body("author.id", equalTo(buyerId))
                .body("author.displayName", equalTo("Buyer"))
                .body("author.role", equalTo("CONSUMER"))
                .body("author", not(hasKey("email")))
                .body("createdAt", notNullValue());
        Chat.post(host, sale, "Yes, to all of China")
                .then()
                .statusCode(201)
                .body("seq", equalTo(2))
                .body("author.role", equalTo("HOST"));
        Chat.post(Api.admin(), sale, "Welcome everyone")
                .then()
                .statusCode(201)
                .body("seq", equalTo(3))
                .body("author.role", equalTo("ADMIN"));
        for (int i = 4; i <= 6; i++) {
            Chat.post(buyer, sale, "message " + i).then().statusCode(201).body("seq", equalTo(i));
        }

        Chat.read(sale, "")
                .then()
                .statusCode(200)
                .body("latestSeq", equalTo(6))
                .body("items.seq", contains(1, 2, 3, 4, 5, 6));
        Chat.read(sale, "?afterSeq=4").then().statusCode(200).body("items.seq", contains(5, 6));
        Chat.read(sale, "?limit=2").then().statusCode(200).body("items.seq", contains(5, 6));
        Chat.read(sale, "?afterSeq=1&limit=2").then().statusCode(200).body("items.seq", contains(2, 3));
        Chat.read(sale, "?afterSeq=6")
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("latestSeq", equalTo(6));
        Chat.read(sale, "?kind=QUESTION").then().statusCode(200).body("items", empty());
        // A sale of its own numbers its own chat from 1.
        String other = Chat.liveSale(host);
        Chat.post(buyer, other, "hello").then().statusCode(201).body("seq", equalTo(1));
    }

    @Test
    void anEmailLikeDisplayNameNeverReachesTheChat() {
        String email = Api.unique("named") + "@example.com";
        anonymous()
                .body(Map.of("email", email, "password", Api.PASSWORD, "displayName", email))
                .post("/api/auth/register")
                .then()
                .statusCode(201);
        String user = Api.login(email, Api.PASSWORD);
        String sale = Chat.liveSale(Api.host());
        Chat.post(user, sale, "hi")
                .then()
                .statusCode(201)
                .body("author.displayName", equalTo(email.substring(0, email.indexOf('@'))));
    }

    @Test
    void badBodiesAre422AndAnUnknownKindIs400() {
        String sale = Chat.liveSale(Api.host());
        String buyer = Api.consumer();
        for (String body : List.of(
                "",
                "   ",
                "x".repeat(201),
                "nul\u0000byte",
                "evil\u202Etxt.exe",
                "two\nlines",
                "tab\there",
                "\nleading newline",
                "isolate\u2066x",
                "bell\u0007")) {
            Chat.post(buyer, sale, body)
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/validation"))
                    .body("violations[0].field", equalTo("body"));
        }
        Chat.post(buyer, sale, "x".repeat(200)).then().statusCode(201);
        // 200 characters, not 200 UTF-16 units: emoji count once.
        Chat.post(buyer, sale, "🌶".repeat(200)).then().statusCode(201);
        as(buyer)
                .body(Map.of("body", "hi", "kind", "POLL"))
                .post("/api/sales/" + sale + "/chat")
                .then()
                .statusCode(400)
                .body("type", endsWith("/bad-request"));
        as(buyer)
                .body(Map.of("body", 42))
                .post("/api/sales/" + sale + "/chat")
                .then()
                .statusCode(400);
        as(buyer)
                .body(Map.of("body", "hi", "extra", 1))
                .post("/api/sales/" + sale + "/chat")
                .then()
                .statusCode(400);
        Map<String, Object> nullBody = new HashMap<>();
        nullBody.put("body", null);
        as(buyer).body(nullBody).post("/api/sales/" + sale + "/chat").then().statusCode(422);
        as(buyer).body("{not json").post("/api/sales/" + sale + "/chat").then().statusCode(400);
        anonymous()
                .body(Map.of("body", "hi"))
                .post("/api/sales/" + sale + "/chat")
                .then()
                .statusCode(401);
        Chat.read(sale, "").then().body("items", org.hamcrest.Matchers.hasSize(2));
    }

    @Test
    void badReadParametersAre400() {
        String sale = Chat.liveSale(Api.host());
        for (String query : List.of(
                "?limit=0",
                "?limit=201",
                "?limit=ten",
                "?afterSeq=-1",
                "?afterSeq=1.5",
                "?kind=POLL",
                "?status=DELETED",
                "?status=SHOUTING")) {
            Chat.read(sale, query).then().statusCode(400).contentType("application/problem+json");
        }
        Chat.read(sale, "?limit=200").then().statusCode(200);
    }

    @Test
    void anUnknownSaleIs404ForPostsReadsModerationAndReactions() {
        String unknown = "00000000-0000-0000-0000-00000000abcd";
        Chat.post(Api.consumer(), unknown, "hello").then().statusCode(404).body("type", endsWith("/not-found"));
        Chat.read(unknown, "").then().statusCode(404);
        as(Api.admin()).get("/api/sales/" + unknown + "/chat/settings").then().statusCode(404);
        as(Api.consumer())
                .body(Map.of("type", "like"))
                .post("/api/sales/" + unknown + "/reactions")
                .then()
                .statusCode(404);
    }

    @Test
    void chatIsClosedOnEndedAndDisabledSalesButHistoryStaysReadable() {
        String host = Api.host();
        String sale = Chat.liveSale(host);
        String buyer = Api.consumer();
        Chat.say(buyer, sale, "before the end");
        as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);
        Chat.post(buyer, sale, "after the end").then().statusCode(409).body("type", endsWith("/chat-closed"));
        Chat.post(host, sale, "host after the end").then().statusCode(409);
        Chat.read(sale, "").then().statusCode(200).body("items.body", contains("before the end"));

        String scheduled = Api.scheduledSale(host, Api.product(Api.cooperative(), 100, 10), 5, 1);
        Chat.post(buyer, scheduled, "waiting for the start").then().statusCode(201);
        as(host).body(Map.of("enabled", false, "slowModeSeconds", 0, "blockedTerms", List.of()))
                .put("/api/sales/" + scheduled + "/chat/settings")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false));
        Chat.post(buyer, scheduled, "anyone?").then().statusCode(409).body("type", endsWith("/chat-closed"));
    }

    @Test
    void aBlockedTermHoldsTheMessageUntilAModeratorApprovesItOnce() {
        String host = Api.host();
        String sale = Chat.liveSale(host);
        String buyer = Api.consumer();
        as(host).body(Map.of("enabled", true, "slowModeSeconds", 0, "blockedTerms", List.of("WhatsApp")))
                .put("/api/sales/" + sale + "/chat/settings")
                .then()
                .statusCode(200)
                .body("blockedTerms", contains("WhatsApp"));
        Chat.say(buyer, sale, "first");
        String held = Chat.post(buyer, sale, "cheaper on whatsapp +86 123")
                .then()
                .statusCode(201)
                .body("status", equalTo("HELD"))
                .body("seq", nullValue())
                .extract()
                .path("id");
        // The platform's own list holds too.
        Chat.post(buyer, sale, "a PlatformBannedWord here")
                .then()
                .statusCode(201)
                .body("status", equalTo("HELD"));
        Chat.say(buyer, sale, "second");

        Chat.read(sale, "")
                .then()
                .body("items.body", contains("first", "second"))
                .body("items.seq", contains(1, 2));
        as(buyer).get("/api/sales/" + sale + "/chat?status=HELD").then().statusCode(403);
        anonymous().get("/api/sales/" + sale + "/chat?status=HELD").then().statusCode(401);
        as(host).get("/api/sales/" + sale + "/chat?status=HELD")
                .then()
                .statusCode(200)
                .body("items.status", contains("HELD", "HELD"))
                .body("items[0].id", equalTo(held));

        as(buyer)
                .post("/api/sales/" + sale + "/chat/" + held + "/approve")
                .then()
                .statusCode(403);
        as(host).post("/api/sales/" + sale + "/chat/" + held + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("VISIBLE"))
                .body("seq", equalTo(3));
        as(host).post("/api/sales/" + sale + "/chat/" + held + "/approve")
                .then()
                .statusCode(409)
                .body("type", endsWith("/not-held"));
        Chat.read(sale, "?afterSeq=2").then().body("items.id", contains(held));
        as(host).get("/api/sales/" + sale + "/chat?status=HELD").then().body("items", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void deletedMessagesVanishAndCannotBePinned() {
        String host = Api.host();
        String sale = Chat.liveSale(host);
        String buyer = Api.consumer();
        String first = Chat.say(buyer, sale, "buy now");
        String spam = Chat.say(buyer, sale, "spam spam spam");
        String base = "/api/sales/" + sale + "/chat/";
        as(host).post(base + spam + "/pin").then().statusCode(200).body("id", equalTo(spam));
        as(host).delete(base + spam).then().statusCode(204);
        as(host).delete(base + spam).then().statusCode(204);
        Chat.read(sale, "").then().body("items.id", contains(first)).body("latestSeq", equalTo(2));
        as(host).post(base + spam + "/pin").then().statusCode(409).body("type", endsWith("/not-visible"));
        as(host).post(base + spam + "/approve").then().statusCode(409);
        as(host).post(base + "00000000-0000-0000-0000-000000000001/pin").then().statusCode(404);
        as(Api.admin()).post(base + first + "/pin").then().statusCode(200);
        as(host).post(base + "unpin").then().statusCode(204);
        as(host).post(base + "unpin").then().statusCode(204);
    }

    @Test
    void onlyTheSalesHostAndAdminsModerate() {
        String host = Api.host();
        String sale = Chat.liveSale(host);
        String buyer = Api.consumer();
        String message = Chat.say(buyer, sale, "hello");
        String anotherHost = Api.host();
        String base = "/api/sales/" + sale + "/chat";
        for (String token : List.of(anotherHost, buyer)) {
            as(token).post(base + "/" + message + "/pin").then().statusCode(403).body("type", endsWith("/forbidden"));
            as(token).delete(base + "/" + message).then().statusCode(403);
            as(token).post(base + "/" + message + "/approve").then().statusCode(403);
            as(token).post(base + "/unpin").then().statusCode(403);
            as(token).get(base + "/bans").then().statusCode(403);
            as(token)
                    .body(Map.of("userId", Chat.userId(buyer)))
                    .post(base + "/bans")
                    .then()
                    .statusCode(403);
            as(token).delete(base + "/bans/" + Chat.userId(buyer)).then().statusCode(403);
            as(token).get(base + "/settings").then().statusCode(403);
            as(token)
                    .body(Map.of("enabled", false, "slowModeSeconds", 0, "blockedTerms", List.of()))
                    .put(base + "/settings")
                    .then()
                    .statusCode(403);
        }
        Chat.read(sale, "").then().body("items.id", contains(message));
        as(Api.admin()).delete(base + "/" + message).then().statusCode(204);
    }

    @Test
    void settingsAreValidatedAndDefaultToOpen() {
        String host = Api.host();
        String sale = Chat.liveSale(host);
        String url = "/api/sales/" + sale + "/chat/settings";
        as(host).get(url)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("slowModeSeconds", equalTo(0))
                .body("blockedTerms", empty());
        List<Map<String, Object>> bad = List.of(
                Map.of("enabled", true, "slowModeSeconds", 121, "blockedTerms", List.of()),
                Map.of("enabled", true, "slowModeSeconds", -1, "blockedTerms", List.of()),
                Map.of("enabled", true, "slowModeSeconds", 0, "blockedTerms", List.of("")),
                Map.of("enabled", true, "slowModeSeconds", 0, "blockedTerms", List.of("x".repeat(41))),
                Map.of("enabled", true, "slowModeSeconds", 0, "blockedTerms", java.util.Collections.nCopies(101, "t")),
                Map.of("enabled", true, "slowModeSeconds", 0, "blockedTerms", List.of("bad\nterm")),
                Map.of("slowModeSeconds", 0, "blockedTerms", List.of()),
                Map.of("enabled", true, "blockedTerms", List.of()));
        for (Map<String, Object> body : bad) {
            as(host).body(body).put(url).then().statusCode(422).body("type", endsWith("/validation"));
        }
        as(host).body(Map.of("enabled", true, "slowModeSeconds", 1.5, "blockedTerms", List.of()))
                .put(url)
                .then()
                .statusCode(400);
        as(host).body(Map.of("enabled", "yes", "slowModeSeconds", 1, "blockedTerms", List.of()))
                .put(url)
                .then()
                .statusCode(400);
        as(host).body(Map.of("enabled", true, "slowModeSeconds", 120, "blockedTerms", List.of("x".repeat(40))))
                .put(url)
                .then()
                .statusCode(200);
        as(host).get(url).then().body("slowModeSeconds", equalTo(120)).body("blockedTerms", contains("x".repeat(40)));
    }

    @Test
    void metricsCountPostsHeldDeletedAndBans() {
        String host = Api.host();
        String sale = Chat.liveSale(host);
        String buyer = Api.consumer();
        Chat.say(buyer, sale, "counted");
        Chat.post(buyer, sale, "platformbannedword").then().statusCode(201);
        as(host).delete("/api/sales/" + sale + "/chat/" + Chat.say(buyer, sale, "gone"))
                .then()
                .statusCode(204);
        as(host).body(Map.of("userId", Chat.userId(buyer), "durationSeconds", 60))
                .post("/api/sales/" + sale + "/chat/bans")
                .then()
                .statusCode(201);
        String metrics =
                anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of(
                "originlive_chat_messages_posted_total",
                "originlive_chat_messages_held_total",
                "originlive_chat_messages_deleted_total",
                "originlive_chat_bans_total")) {
            assertThat(metrics.lines().filter(l -> l.startsWith(name)).findFirst())
                    .hasValueSatisfying(
                            line -> assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                                    .isPositive());
        }
    }
}
