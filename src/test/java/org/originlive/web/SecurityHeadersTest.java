package org.originlive.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class SecurityHeadersTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/host",
                "/coop",
                "/live/00000000-0000-0000-0000-000000000000",
                "/s/some-store",
                "/sandbox-pay.html"
            })
    void pagesAreHtmlWithAPolicyTheyCanLiveWith(String path) {
        given().get(path)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                // Fetches go to the app and to the live video's playback origin only.
                .header("Content-Security-Policy", matchesPattern(".*connect-src 'self'( http://localhost:[0-9]+)?;.*"))
                .header(
                        "Content-Security-Policy",
                        matchesPattern(".*media-src 'self' blob:( http://localhost:[0-9]+)?(;.*)?"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                // Payment QR codes are fetched with the buyer's token and shown from blob: URLs.
                .header("Content-Security-Policy", containsString("img-src 'self' https: blob:;"))
                .header("Strict-Transport-Security", nullValue())
                .body(containsString("<script type=\"module\" src=\"/web/"));
    }

    @Test
    void apiAnswersAndRefusalsCarryTheHeadersToo() {
        given().get("/api/sales")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .header("Content-Security-Policy", nullValue());
        given().get("/api/me").then().statusCode(401).header("X-Content-Type-Options", "nosniff");
        given().get("/web/app.css")
                .then()
                .statusCode(200)
                .contentType(containsString("text/css"))
                .header("X-Content-Type-Options", "nosniff");
        given().get("/web/live.js")
                .then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void swaggerUiKeepsItsInlineScripts() {
        given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", nullValue());
    }

    @Test
    void onlyConfiguredOriginsMayCallFromAnotherSite() {
        given().header("Origin", "https://shop.example.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/sales/00000000-0000-0000-0000-000000000000/orders")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://shop.example.test")
                .header("Access-Control-Allow-Credentials", equalTo("false"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
        given().header("Origin", "https://shop.example.test")
                .get("/api/sales")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://shop.example.test");
        given().header("Origin", "https://evil.example.test")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/sales")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example.test")
                .get("/api/sales")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
