package org.originlive.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

@QuarkusTest
class AccountResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private static Map<String, Object> registration(String email) {
        return Map.of("email", email, "password", Api.PASSWORD, "displayName", "Li Wei");
    }

    @Test
    void registerCreatesAConsumerWithoutExposingTheHash() {
        String email = Api.unique("li") + "@example.com";
        anonymous()
                .body(registration(email))
                .post("/api/auth/register")
                .then()
                .statusCode(201)
                .body("email", equalTo(email))
                .body("displayName", equalTo("Li Wei"))
                .body("roles", contains("CONSUMER"))
                .body("id", not(nullValue()))
                .body("passwordHash", nullValue())
                .body("password", nullValue());
    }

    @Test
    void registeringATakenEmailIs409EvenInAnotherCase() {
        String email = Api.unique("dup") + "@example.com";
        anonymous().body(registration(email)).post("/api/auth/register").then().statusCode(201);
        anonymous()
                .body(registration(email.toUpperCase()))
                .post("/api/auth/register")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("https://originlive.org/problems/email-taken"));
    }

    @Test
    void badEmailAndShortPasswordAre422WithViolations() {
        anonymous()
                .body(Map.of("email", "not-an-email", "password", "123456789", "displayName", "X"))
                .post("/api/auth/register")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo("https://originlive.org/problems/validation"))
                .body("violations.field", hasItem("email"))
                .body("violations.field", hasItem("password"));
    }

    @Test
    void malformedJsonIs400() {
        anonymous()
                .body("{\"email\": ")
                .post("/api/auth/register")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400));
    }

    @Test
    void loginIssuesABearerTokenThatMeAccepts() {
        String email = Api.unique("me") + "@example.com";
        anonymous().body(registration(email)).post("/api/auth/register").then().statusCode(201);
        anonymous()
                .body(Map.of("email", email, "password", Api.PASSWORD))
                .post("/api/auth/login")
                .then()
                .statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(1800));
        as(Api.login(email, Api.PASSWORD))
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("email", equalTo(email))
                .body("roles", contains("CONSUMER"));
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSame401() {
        String email = Api.unique("pw") + "@example.com";
        anonymous().body(registration(email)).post("/api/auth/register").then().statusCode(201);
        String wrongPassword = anonymous()
                .body(Map.of("email", email, "password", "wrong-password"))
                .post("/api/auth/login")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .extract()
                .asString();
        String unknownEmail = anonymous()
                .body(Map.of("email", "nobody-" + email, "password", "wrong-password"))
                .post("/api/auth/login")
                .then()
                .statusCode(401)
                .extract()
                .asString();
        assertThat(unknownEmail).isEqualTo(wrongPassword);
    }

    @Test
    void meWithoutATokenIs401() {
        anonymous().get("/api/me").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void adminCreatesHostCooperativeAndAdminAccounts() {
        String cooperativeId = Api.cooperative();
        as(Api.host()).get("/api/me").then().statusCode(200).body("roles", contains("HOST"));
        as(Api.cooperativeStaff(cooperativeId))
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("roles", contains("COOPERATIVE"))
                .body("cooperativeId", equalTo(cooperativeId));
        as(Api.staff("ADMIN", null)).get("/api/me").then().body("roles", contains("ADMIN"));
    }

    @Test
    void hostCarriesItsOrganisation() {
        Map<String, Object> body = new HashMap<>(staffBody("HOST"));
        body.put("organisation", "Embassy of Rwanda");
        as(Api.admin())
                .body(body)
                .post("/api/admin/users")
                .then()
                .statusCode(201)
                .body("organisation", equalTo("Embassy of Rwanda"))
                .body("cooperativeId", nullValue());
    }

    @Test
    void onlyAnAdminCreatesStaff() {
        as(Api.consumer())
                .body(staffBody("HOST"))
                .post("/api/admin/users")
                .then()
                .statusCode(403);
        as(Api.host()).body(staffBody("HOST")).post("/api/admin/users").then().statusCode(403);
        anonymous().body(staffBody("HOST")).post("/api/admin/users").then().statusCode(401);
    }

    @Test
    void staffRolesAreChecked() {
        String admin = Api.admin();
        as(admin)
                .body(staffBody("COOPERATIVE"))
                .post("/api/admin/users")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("cooperativeId"));
        as(admin)
                .body(staffBody("CONSUMER"))
                .post("/api/admin/users")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("role"));
        as(admin).body(staffBody("OWNER")).post("/api/admin/users").then().statusCode(400);
        Map<String, Object> unknownCooperative = new HashMap<>(staffBody("COOPERATIVE"));
        unknownCooperative.put("cooperativeId", "00000000-0000-0000-0000-000000000000");
        as(admin).body(unknownCooperative).post("/api/admin/users").then().statusCode(422);
    }

    @Test
    void aClientCannotChooseItsRoleAtRegistration() {
        Map<String, Object> body = new HashMap<>(registration(Api.unique("sneaky") + "@example.com"));
        body.put("role", "ADMIN");
        anonymous().body(body).post("/api/auth/register").then().statusCode(400);
    }

    private static Map<String, Object> staffBody(String role) {
        return Map.of(
                "email",
                Api.unique("staff") + "@example.com",
                "password",
                Api.PASSWORD,
                "displayName",
                "Staff",
                "role",
                role);
    }
}
