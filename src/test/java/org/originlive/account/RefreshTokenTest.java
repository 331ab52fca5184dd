package org.originlive.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.Concurrently;

/** Staying signed in: rotating refresh tokens, reuse detection, sign-out (contract Accounts v2). */
@QuarkusTest
class RefreshTokenTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String UNAUTHORIZED = "https://originlive.org/problems/unauthorized";

    @Inject
    Pool pool;

    private static JsonPath signIn(String email) {
        return anonymous()
                .body(Map.of("email", email, "password", Api.PASSWORD))
                .post("/api/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String newConsumer() {
        String email = Api.unique("stay") + "@example.com";
        anonymous()
                .body(Map.of("email", email, "password", Api.PASSWORD, "displayName", "Viewer"))
                .post("/api/auth/register")
                .then()
                .statusCode(201);
        return email;
    }

    private static Response refresh(String token) {
        return anonymous().body(Map.of("refreshToken", token)).post("/api/auth/refresh");
    }

    private static String refreshed(String token) {
        return refresh(token).then().statusCode(200).extract().path("refreshToken");
    }

    private static void rejected(Response response) {
        response.then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("type", equalTo(UNAUTHORIZED))
                .body("status", equalTo(401));
    }

    private static Map<String, Object> claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getMap("");
    }

    @Test
    void loginReturnsAnOpaqueRefreshTokenThatLastsTwelveHours() {
        JsonPath tokens = signIn(newConsumer());
        assertThat(tokens.getString("refreshToken")).matches("olrt_[A-Za-z0-9_-]{43}");
        assertThat(tokens.getLong("refreshExpiresIn")).isEqualTo(12 * 3600);
        assertThat(tokens.getString("tokenType")).isEqualTo("Bearer");
    }

    @Test
    void onlyTheHashIsStored() {
        String token = signIn(newConsumer()).getString("refreshToken");
        var rows = pool.preparedQuery("SELECT count(*) AS hashed,"
                        + " count(*) FILTER (WHERE position(convert_to($1, 'UTF8') IN token_hash) > 0) AS plain"
                        + " FROM refresh_token WHERE token_hash = sha256(convert_to($1, 'UTF8'))")
                .execute(Tuple.of(token))
                .await()
                .atMost(Duration.ofSeconds(10));
        var row = rows.iterator().next();
        assertThat(row.getLong("hashed")).isEqualTo(1);
        assertThat(row.getLong("plain")).isZero();
    }

    @Test
    void aRefreshGivesANewPairAndTheOldTokenStopsWorking() {
        String email = newConsumer();
        String first = signIn(email).getString("refreshToken");
        JsonPath renewed = refresh(first)
                .then()
                .statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(1800))
                .body("refreshExpiresIn", equalTo(12 * 3600))
                .body("refreshToken", matchesPattern("olrt_[A-Za-z0-9_-]{43}"))
                .body("refreshToken", not(equalTo(first)))
                .extract()
                .jsonPath();
        as(renewed.getString("accessToken"))
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("email", equalTo(email));
        // The renewed token renews again, and so on through a long sale.
        String third = refreshed(renewed.getString("refreshToken"));
        refreshed(third);
    }

    @Test
    void reusingASpentTokenRevokesTheWholeChain() {
        String first = signIn(newConsumer()).getString("refreshToken");
        String second = refreshed(first);
        rejected(refresh(first));
        // The thief or the owner, whoever held the newest token, must sign in again.
        rejected(refresh(second));
    }

    @Test
    void twoConcurrentRefreshesWithOneTokenMakeExactlyOneWinnerAndRevokeTheChain() throws Exception {
        for (int round = 0; round < 5; round++) {
            String token = signIn(newConsumer()).getString("refreshToken");
            List<Response> responses = Concurrently.repeat(8, () -> refresh(token));
            List<Response> winners =
                    responses.stream().filter(r -> r.statusCode() == 200).toList();
            assertThat(winners).hasSize(1);
            assertThat(responses.stream().filter(r -> r.statusCode() == 401)).hasSize(7);
            // The losers count as reuse, so the winner's new token is revoked with its family.
            rejected(refresh(winners.get(0).path("refreshToken")));
        }
    }

    @Test
    void aRefreshCarriesTheAccountsCurrentRole() {
        String email = Api.unique("demoted") + "@example.com";
        as(Api.admin())
                .body(Map.of("email", email, "password", Api.PASSWORD, "displayName", "Host", "role", "HOST"))
                .post("/api/admin/users")
                .then()
                .statusCode(201);
        JsonPath tokens = signIn(email);
        assertThat(claims(tokens.getString("accessToken")).get("groups")).isEqualTo(List.of("HOST"));
        pool.preparedQuery("UPDATE app_user SET role = 'CONSUMER' WHERE lower(email) = lower($1)")
                .execute(Tuple.of(email))
                .await()
                .atMost(Duration.ofSeconds(10));
        String access = refresh(tokens.getString("refreshToken"))
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
        assertThat(claims(access).get("groups")).isEqualTo(List.of("CONSUMER"));
        java.time.Instant start = java.time.Instant.now().plusSeconds(3600);
        as(access)
                .body(Api.saleBody(start, start.plusSeconds(3600)))
                .post("/api/sales")
                .then()
                .statusCode(403);
    }

    @Test
    void logoutRevokesTheChainAndIsIdempotent() {
        String email = newConsumer();
        String first = signIn(email).getString("refreshToken");
        String second = refreshed(first);
        String otherDevice = signIn(email).getString("refreshToken");
        anonymous()
                .body(Map.of("refreshToken", second))
                .post("/api/auth/logout")
                .then()
                .statusCode(204);
        rejected(refresh(second));
        anonymous()
                .body(Map.of("refreshToken", second))
                .post("/api/auth/logout")
                .then()
                .statusCode(204);
        // Signing out on one device leaves the other signed in.
        refreshed(otherDevice);
    }

    @Test
    void logoutOfAnUnknownTokenIs204SoItRevealsNothing() {
        for (String token : List.of("olrt_" + "A".repeat(43), "not-a-token", "")) {
            anonymous()
                    .body(Map.of("refreshToken", token))
                    .post("/api/auth/logout")
                    .then()
                    .statusCode(204);
        }
        anonymous()
                .body(Map.of())
                .post("/api/auth/logout")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("violations[0].field", equalTo("refreshToken"));
    }

    @Test
    void missingMalformedUnknownAndExpiredTokensAre401() {
        rejected(refresh("olrt_" + "A".repeat(43)));
        rejected(refresh("not-a-token"));
        rejected(refresh(""));
        rejected(anonymous().body(Map.of()).post("/api/auth/refresh"));
        Map<String, Object> nullToken = new HashMap<>();
        nullToken.put("refreshToken", null);
        rejected(anonymous().body(nullToken).post("/api/auth/refresh"));
        rejected(anonymous().post("/api/auth/refresh"));
        String expiring = signIn(newConsumer()).getString("refreshToken");
        pool.preparedQuery("UPDATE refresh_token SET expires_at = now() - interval '1 second'"
                        + " WHERE token_hash = sha256(convert_to($1, 'UTF8'))")
                .execute(Tuple.of(expiring))
                .await()
                .atMost(Duration.ofSeconds(10));
        rejected(refresh(expiring));
    }

    @Test
    void badBodiesAre400() {
        String token = signIn(newConsumer()).getString("refreshToken");
        for (String path : List.of("/api/auth/refresh", "/api/auth/logout")) {
            anonymous()
                    .body(Map.of("refreshToken", token, "userId", "someone-else"))
                    .post(path)
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("type", equalTo("https://originlive.org/problems/bad-request"));
            anonymous()
                    .body(Map.of("refreshToken", 42))
                    .post(path)
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM);
            anonymous()
                    .body("{\"refreshToken\": ")
                    .post(path)
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM);
        }
        // None of that spent the token.
        refreshed(token);
    }
}
