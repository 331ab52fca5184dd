package org.originlive.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Third parties' URLs reach public addresses only, at the address checked, without redirects. */
class OutboundGuardTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static Vertx vertx;
    private static HttpServer server;
    private static final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .requestHandler(request -> request.body().subscribe().with(body -> {
                    seen.add(request.method() + " " + request.uri() + " host=" + request.getHeader("Host") + " sig="
                            + request.getHeader("X-Sig") + " body=" + body);
                    switch (request.path()) {
                        case "/moved" -> request.response()
                                .setStatusCode(302)
                                .putHeader("Location", "/elsewhere")
                                .endAndForget();
                        case "/big" -> request.response().setStatusCode(500).endAndForget("x".repeat(5000));
                        case "/silent" -> {}
                        default -> request.response().setStatusCode(204).endAndForget();
                    }
                }))
                .listen(0, "127.0.0.1")
                .await()
                .atMost(WAIT);
    }

    @AfterAll
    static void stop() {
        server.close().await().atMost(WAIT);
        vertx.close().await().atMost(WAIT);
    }

    private static OutboundGuard guard(boolean allowHttp, OutboundGuard.Resolver resolver) {
        return new OutboundGuard(vertx, allowHttp, resolver);
    }

    private static OutboundGuard.Resolver fixed(String... addresses) {
        return host -> {
            InetAddress[] all = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                all[i] = InetAddress.getByName(addresses[i]);
            }
            return all;
        };
    }

    private static String url(String path) {
        return "http://hooks.example:" + server.actualPort() + path;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.0.0.0",
                "10.1.2.3",
                "100.64.0.1",
                "127.0.0.1",
                "169.254.169.254",
                "172.16.0.1",
                "172.31.255.255",
                "192.0.0.8",
                "192.0.2.1",
                "192.168.1.1",
                "198.18.0.1",
                "198.51.100.7",
                "203.0.113.9",
                "224.0.0.1",
                "240.0.0.1",
                "255.255.255.255",
                "::",
                "::1",
                "fe80::1",
                "fc00::1",
                "fd12:3456::1",
                "fec0::1",
                "::ffff:10.0.0.1",
                "64:ff9b::a00:1",
                "2001:db8::1",
                "2001::1",
                "2002:a00:1::1",
                "ff02::1",
                "3fff::1"
            })
    void refusesEveryNonPublicAddress(String address) throws UnknownHostException {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2606:4700::1111", "2002:808:808::1"})
    void admitsPublicAddresses(String address) throws UnknownHostException {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/hook",
                "https://localhost/hook",
                "https://[::1]/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://10.0.0.1/hook",
                "https://[::ffff:10.0.0.1]/hook",
                "http://10.0.0.1/hook",
                "http://93.184.215.14/hook",
                "https://93.184.215.14:8443/hook",
                "https://user:secret@93.184.215.14/hook",
                "ftp://93.184.215.14/hook",
                "/relative",
                "https://no.such.host.invalid/hook"
            })
    void refusesAtCheckWithoutTraffic(String url) {
        int before = seen.size();
        OutboundGuard guard = guard(
                true, host -> host.equals("no.such.host.invalid") ? failNoHost(host) : InetAddress.getAllByName(host));

        assertThatThrownBy(() -> guard.check(url, "url").await().atMost(WAIT))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).startsWith("url: ");
                });
        assertThat(seen).hasSize(before);
    }

    private static InetAddress[] failNoHost(String host) throws UnknownHostException {
        throw new UnknownHostException(host);
    }

    @Test
    void refusesAHostWithAnyPrivateAddressAmongPublicOnes() {
        OutboundGuard guard = guard(false, fixed("93.184.215.14", "10.0.0.7"));

        assertThatThrownBy(() ->
                        guard.check("https://hooks.example/x", "url").await().atMost(WAIT))
                .hasMessageContaining("10.0.0.7");
    }

    @Test
    void admitsHttpsToAPublicHostAndHttpToLoopbackOnlyWhenAllowed() {
        assertThat(guard(false, fixed("93.184.215.14"))
                        .check("https://hooks.example/x?y=1", "url")
                        .await()
                        .atMost(WAIT))
                .hasToString("https://hooks.example/x?y=1");
        assertThat(guard(true, fixed("127.0.0.1"))
                        .check(url("/x"), "url")
                        .await()
                        .atMost(WAIT))
                .isNotNull();
        assertThatThrownBy(() -> guard(false, fixed("127.0.0.1"))
                        .check(url("/x"), "url")
                        .await()
                        .atMost(WAIT))
                .hasMessageContaining("https");
    }

    @Test
    void postsToTheCheckedAddressWithTheHostNameItWasGiven() {
        OutboundGuard.Reply reply = guard(true, fixed("127.0.0.1"))
                .post(url("/in?a=1"), Map.of("X-Sig", "t=1,v1=ab"), "{\"n\":1}".getBytes(), WAIT)
                .await()
                .atMost(WAIT);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(seen)
                .contains("POST /in?a=1 host=hooks.example:" + server.actualPort() + " sig=t=1,v1=ab body={\"n\":1}");
    }

    @Test
    void followsNoRedirectAndKeepsOnlyTheStartOfABody() {
        OutboundGuard guard = guard(true, fixed("127.0.0.1"));

        assertThat(guard.post(url("/moved"), Map.of(), new byte[0], WAIT)
                        .await()
                        .atMost(WAIT))
                .extracting(OutboundGuard.Reply::status)
                .isEqualTo(302);
        OutboundGuard.Reply big =
                guard.post(url("/big"), Map.of(), new byte[0], WAIT).await().atMost(WAIT);

        assertThat(big.status()).isEqualTo(500);
        assertThat(big.body()).hasSize(OutboundGuard.KEPT_BYTES);
        assertThat(seen).noneMatch(s -> s.startsWith("POST /elsewhere"));
    }

    @Test
    void checksAgainOnEveryPostSoAHostThatNowResolvesPrivateIsRefusedUnsent() {
        AtomicInteger lookups = new AtomicInteger();
        OutboundGuard guard = guard(
                true,
                host -> lookups.getAndIncrement() == 0
                        ? fixed("127.0.0.1").resolve(host)
                        : fixed("10.0.0.1").resolve(host));
        guard.check(url("/rebound"), "url").await().atMost(WAIT);

        assertThatThrownBy(() -> guard.post(url("/rebound"), Map.of(), new byte[0], WAIT)
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(OutboundGuard.Refused.class)
                .hasMessageContaining("10.0.0.1");
        assertThat(seen).noneMatch(s -> s.startsWith("POST /rebound"));
    }

    @Test
    void aTargetThatNeverAnswersFailsWithATimeout() {
        assertThatThrownBy(() -> guard(true, fixed("127.0.0.1"))
                        .post(url("/silent"), Map.of(), new byte[0], Duration.ofMillis(300))
                        .await()
                        .atMost(WAIT))
                .hasCauseInstanceOf(TimeoutException.class);
    }
}
