package org.originlive.account;

import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

/** Every way a token can be wrong ends in the same 401; only the app's own tokens count. */
@QuarkusTest
class JwtMatrixTest {

    private static final String TEST_KEY = "test-keys/private.pem";

    private static void rejected(String token) {
        as(token)
                .get("/api/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://originlive.org/problems/unauthorized"));
    }

    private static String subject() {
        String token = Api.consumer();
        return as(token).get("/api/me").then().extract().path("id");
    }

    @Test
    void missingTokenIs401() {
        Api.anonymous().post("/api/admin/users").then().statusCode(401);
    }

    @Test
    void garbageTokenIs401() {
        rejected("not.a.jwt");
    }

    @Test
    void expiredTokenIs401() {
        rejected(Jwt.issuer("https://originlive.org")
                .subject(subject())
                .groups(Set.of("CONSUMER"))
                .issuedAt(Instant.now().minusSeconds(3600))
                .expiresAt(Instant.now().minusSeconds(60))
                .jws()
                .sign(TEST_KEY));
    }

    @Test
    void wrongIssuerIs401() {
        rejected(Jwt.issuer("https://evil.example.com")
                .subject(subject())
                .groups(Set.of("CONSUMER"))
                .expiresIn(600)
                .jws()
                .sign(TEST_KEY));
    }

    @Test
    void tokenSignedByAnotherKeyIs401() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rejected(Jwt.issuer("https://originlive.org")
                .subject(subject())
                .groups(Set.of("ADMIN"))
                .expiresIn(600)
                .jws()
                .sign(generator.generateKeyPair().getPrivate()));
    }

    @Test
    void selfElevatedGroupsBreakTheSignature() {
        String token = Api.consumer();
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String elevated = payload.replace("\"CONSUMER\"", "\"ADMIN\"");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(elevated.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        as(forged).body("{}").post("/api/admin/users").then().statusCode(401);
        rejected(forged);
    }

    @Test
    void unsignedTokenIs401() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"iss\":\"https://originlive.org\",\"sub\":\"" + UUID.randomUUID()
                                + "\",\"groups\":[\"ADMIN\"],\"exp\":"
                                + (Instant.now().getEpochSecond() + 600) + "}")
                        .getBytes());
        rejected(header + "." + payload + ".");
    }

    @Test
    void aValidTokenForTheWrongRoleIs403() {
        as(Api.consumer()).body("{}").post("/api/cooperatives").then().statusCode(403);
    }
}
