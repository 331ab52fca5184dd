package org.originlive.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.Concurrently;

/**
 * The real limits (contract "Rate limits (v2)"), behind a proxy the operator trusts: 127.0.0.1 is
 * that proxy, so each test chooses its client address with X-Forwarded-For, and 127.0.0.2 plays
 * a client connecting directly whose forwarding headers must be ignored. Windows are an hour so
 * that the counts do not depend on how fast this machine is; TokenBucketsTest covers refill.
 */
@QuarkusTest
@TestProfile(RateLimitTest.RealLimits.class)
class RateLimitTest {

    public static class RealLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("%test.originlive.rate-limit.login.limit", "10"),
                    Map.entry("originlive.rate-limit.login.window", "1h"),
                    Map.entry("%test.originlive.rate-limit.register.limit", "10"),
                    Map.entry("originlive.rate-limit.register.window", "1h"),
                    Map.entry("%test.originlive.rate-limit.refresh.limit", "5"),
                    Map.entry("originlive.rate-limit.refresh.window", "1h"),
                    Map.entry("%test.originlive.rate-limit.checkout.limit", "3"),
                    Map.entry("originlive.rate-limit.checkout.window", "1h"),
                    Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                    Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"),
                    Map.entry("quarkus.http.proxy.trusted-proxies", "127.0.0.1"));
        }
    }

    private static final String PROBLEM = "application/problem+json";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static List<Filter> previousFilters;

    /** A client address of its own, as the trusted proxy would forward it. */
    private static String address() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    // The helpers in Api sign in many times; each of their calls comes from a fresh address.
    @BeforeAll
    static void freshAddressPerHelperCall() {
        previousFilters = new ArrayList<>(RestAssured.filters());
        RestAssured.filters((request, response, context) -> {
            if (!request.getHeaders().hasHeaderWithName("X-Forwarded-For")) {
                request.header("X-Forwarded-For", address());
            }
            return context.next(request, response);
        });
    }

    @AfterAll
    static void restoreFilters() {
        RestAssured.replaceFiltersWith(previousFilters);
    }

    private static Response login(String from) {
        return anonymous()
                .header("X-Forwarded-For", from)
                .body(Map.of("email", "nobody@example.com", "password", "guess-password"))
                .post("/api/auth/login");
    }

    private static void assertLimited(Response response, int limit) {
        response.then()
                .statusCode(429)
                .contentType(PROBLEM)
                .body("type", endsWith("/rate-limited"))
                .body("status", equalTo(429))
                .header("RateLimit-Limit", String.valueOf(limit))
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Policy", limit + ";w=3600");
        long retryAfter = Long.parseLong(response.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 3600L / limit);
        assertThat(Long.parseLong(response.header("RateLimit-Reset"))).isBetween(retryAfter, 3600L);
    }

    @Test
    void theEleventhLoginFromOneAddressIs429WithTheHeaders() {
        String client = address();
        for (int i = 1; i <= 10; i++) {
            login(client)
                    .then()
                    .statusCode(401)
                    .header("RateLimit-Limit", "10")
                    .header("RateLimit-Remaining", String.valueOf(10 - i))
                    .header("RateLimit-Policy", "10;w=3600");
        }
        assertLimited(login(client), 10);
        // The right password does not help once the address is limited.
        assertLimited(
                anonymous()
                        .header("X-Forwarded-For", client)
                        .body(Map.of("email", Api.ADMIN_EMAIL, "password", Api.ADMIN_PASSWORD))
                        .post("/api/auth/login"),
                10);
        // Another address is not affected.
        login(address()).then().statusCode(401);
        String metrics =
                anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("originlive_rate_limited_total\\{[^}]*route=\"login\"[^}]*} [1-9]");
    }

    @Test
    void theEleventhRegistrationFromOneAddressIs429() {
        String client = address();
        for (int i = 0; i < 10; i++) {
            anonymous()
                    .header("X-Forwarded-For", client)
                    .body(Map.of(
                            "email",
                            Api.unique("flood") + "@example.com",
                            "password",
                            Api.PASSWORD,
                            "displayName",
                            "Flood"))
                    .post("/api/auth/register")
                    .then()
                    .statusCode(201)
                    .header("RateLimit-Remaining", String.valueOf(9 - i));
        }
        assertLimited(
                anonymous()
                        .header("X-Forwarded-For", client)
                        .body(Map.of(
                                "email",
                                Api.unique("flood") + "@example.com",
                                "password",
                                Api.PASSWORD,
                                "displayName",
                                "Flood"))
                        .post("/api/auth/register"),
                10);
    }

    @Test
    void requestsAreCountedBeforeTheirBodyIsRead() {
        String client = address();
        for (int i = 0; i < 10; i++) {
            anonymous()
                    .header("X-Forwarded-For", client)
                    .body("{\"email\": ")
                    .post("/api/auth/login")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM);
        }
        assertLimited(
                anonymous()
                        .header("X-Forwarded-For", client)
                        .body("{\"email\": ")
                        .post("/api/auth/login"),
                10);
    }

    @Test
    void anUntrustedPeersForwardedForDoesNotChangeItsKey() throws IOException {
        // 127.0.0.2 is not the trusted proxy: whatever it claims, it is counted as itself.
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            statuses.add(loginFrom("127.0.0.2", "X-Forwarded-For: " + address()));
        }
        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.get(10)).isEqualTo(429);
        assertThat(loginFrom("127.0.0.2", "Forwarded: for=" + address())).isEqualTo(429);
        assertThat(loginFrom("127.0.0.2", "X-Real-IP: " + address())).isEqualTo(429);
        // The trusted proxy's forwarded clients keep their own buckets.
        login(address()).then().statusCode(401);
    }

    @Test
    void concurrentLoginsFromOneAddressPassExactlyTheLimit() throws Exception {
        String client = address();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(() -> login(client));
        }
        List<Response> responses = Concurrently.all(calls, 16);
        assertThat(responses.stream().filter(r -> r.statusCode() == 401)).hasSize(10);
        assertThat(responses.stream().filter(r -> r.statusCode() == 429)).hasSize(30);
    }

    @Test
    void refreshIsLimitedPerAddress() {
        String client = address();
        for (int i = 0; i < 5; i++) {
            anonymous()
                    .header("X-Forwarded-For", client)
                    .body(Map.of("refreshToken", "not-a-token"))
                    .post("/api/auth/refresh")
                    .then()
                    .statusCode(401);
        }
        assertLimited(
                anonymous()
                        .header("X-Forwarded-For", client)
                        .body(Map.of("refreshToken", "not-a-token"))
                        .post("/api/auth/refresh"),
                5);
    }

    @Test
    void checkoutIsLimitedPerAccountAcrossBothPaths() {
        String product = Api.product(Api.cooperative(), 100, 100);
        String sale = Api.liveSale(Api.host(), product, 50, 50);
        String item = Api.firstItem(sale);
        String buyer = Api.consumer();
        String other = Api.consumer();
        // The same address for both buyers: checkout is counted per account, not per address.
        String client = address();
        Map<String, Object> storefront =
                Map.of("items", List.of(Map.of("productId", product, "quantity", 1)), "shippingAddress", Api.address());
        fromSale(buyer, client, sale, item)
                .then()
                .statusCode(201)
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "2");
        fromStorefront(buyer, client, storefront).then().statusCode(201).header("RateLimit-Remaining", "1");
        fromSale(buyer, client, sale, item).then().statusCode(201).header("RateLimit-Remaining", "0");
        assertLimited(fromStorefront(buyer, client, storefront), 3);
        assertLimited(fromSale(buyer, client, sale, item), 3);
        assertThat(Api.remaining(sale)).isEqualTo(48);

        fromSale(other, client, sale, item).then().statusCode(201).header("RateLimit-Remaining", "2");
        // Without a valid token the endpoint's own 401 answers, and nothing is counted.
        as("not.a.jwt")
                .header("X-Forwarded-For", client)
                .body(Api.saleOrder(item, 1))
                .post("/api/sales/" + sale + "/orders")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        fromSale(other, client, sale, item).then().statusCode(201).header("RateLimit-Remaining", "1");
    }

    private static Response fromSale(String buyer, String client, String sale, String item) {
        return as(buyer)
                .header("X-Forwarded-For", client)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Api.saleOrder(item, 1))
                .post("/api/sales/" + sale + "/orders");
    }

    private static Response fromStorefront(String buyer, String client, Map<String, Object> body) {
        return as(buyer)
                .header("X-Forwarded-For", client)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(body)
                .post("/api/orders");
    }

    /** A login sent from the given local address over a plain socket; returns the status. */
    private static int loginFrom(String localAddress, String extraHeader) throws IOException {
        byte[] body =
                "{\"email\":\"nobody@example.com\",\"password\":\"guess-password\"}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                            + "Content-Type: application/json\r\n" + extraHeader + "\r\nContent-Length: "
                            + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                head.write(b);
            }
            return Integer.parseInt(head.toString(StandardCharsets.US_ASCII).split(" ")[1]);
        }
    }
}
