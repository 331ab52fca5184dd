package org.originlive.chat;

import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.restassured.response.Response;
import java.util.Map;
import org.originlive.support.Api;

/** Chat calls as a client makes them. */
final class Chat {

    private Chat() {}

    static String liveSale(String host) {
        return Api.liveSale(host, Api.product(Api.cooperative(), 100, 10), 5, 1);
    }

    static Response post(String token, String sale, String body) {
        return as(token).body(Map.of("body", body)).post("/api/sales/" + sale + "/chat");
    }

    static Response question(String token, String sale, String body) {
        return as(token).body(Map.of("body", body, "kind", "QUESTION")).post("/api/sales/" + sale + "/chat");
    }

    /** Posts and returns the new message's id. */
    static String say(String token, String sale, String body) {
        return post(token, sale, body).then().statusCode(201).extract().path("id");
    }

    static Response read(String sale, String query) {
        return anonymous().get("/api/sales/" + sale + "/chat" + query);
    }

    static String userId(String token) {
        return as(token).get("/api/me").then().statusCode(200).extract().path("id");
    }
}
