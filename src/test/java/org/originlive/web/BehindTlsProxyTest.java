package org.originlive.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(BehindTlsProxyTest.TrustedProxy.class)
class BehindTlsProxyTest {

    /** The operator declares the local proxy trusted, so its X-Forwarded-Proto counts. */
    public static class TrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1",
                    "originlive.web.hsts-max-age", "180d");
        }
    }

    @Test
    void httpsAtTheProxyGetsHsts() {
        given().header("X-Forwarded-Proto", "https")
                .get("/")
                .then()
                .statusCode(200)
                .header("Strict-Transport-Security", "max-age=15552000");
        given().header("X-Forwarded-Proto", "https")
                .get("/api/sales")
                .then()
                .statusCode(200)
                .header("Strict-Transport-Security", "max-age=15552000");
    }

    @Test
    void plainHttpGetsNone() {
        given().get("/").then().statusCode(200).header("Strict-Transport-Security", nullValue());
    }
}
