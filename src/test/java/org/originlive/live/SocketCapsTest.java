package org.originlive.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.WsClient;

/** One client address holds at most max-sockets-per-address sockets; the next handshake is a 429. */
@QuarkusTest
@TestProfile(SocketCapsTest.ThreeSockets.class)
class SocketCapsTest {

    public static class ThreeSockets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "originlive.live.max-sockets-per-address", "3",
                    "originlive.live.new-sockets-per-second-per-address", "1000");
        }
    }

    private static final String REFUSED = "originlive_ws_refused_total{reason=\"sockets-per-address\"";

    @Test
    void theFourthSocketOfAnAddressIsRefusedUntilOneCloses() throws Exception {
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, 10), 5, 1);
        double refusedBefore = Meters.value(REFUSED);
        List<WsClient> three = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                three.add(WsClient.watch(sale));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> three.stream().allMatch(v -> !v.frames.isEmpty()));
            try (RawViewer fourth = RawViewer.open(sale)) {
                assertThat(fourth.status).isEqualTo(429);
                assertThat(Integer.parseInt(fourth.headers.get("retry-after"))).isPositive();
                assertThat(fourth.headers)
                        .containsEntry("ratelimit-limit", "3")
                        .containsEntry("ratelimit-remaining", "0")
                        .containsEntry("content-type", "application/problem+json");
                assertThat(fourth.body()).contains("\"status\":429").contains("/problems/rate-limited");
            }
            assertThat(Meters.value(REFUSED)).isEqualTo(refusedBefore + 1);
            assertThat(three).allSatisfy(v -> assertThat(v.isClosed()).isFalse());

            three.remove(0).close();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                try (RawViewer again = RawViewer.open(sale)) {
                    return again.status == 101;
                }
            });
        } finally {
            three.forEach(WsClient::close);
        }
    }
}
