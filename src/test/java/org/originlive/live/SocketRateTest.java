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

/** One client address opens at most new-sockets-per-second-per-address sockets a second. */
@QuarkusTest
@TestProfile(SocketRateTest.ThreePerSecond.class)
class SocketRateTest {

    public static class ThreePerSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "originlive.live.max-sockets-per-address", "1000",
                    "originlive.live.new-sockets-per-second-per-address", "3");
        }
    }

    private static final String REFUSED = "originlive_ws_refused_total{reason=\"new-sockets-per-second\"";

    @Test
    void aBurstOfHandshakesFromOneAddressIsCutTo429sWithRetryAfter() throws Exception {
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, 10), 5, 1);
        double refusedBefore = Meters.value(REFUSED);
        List<Integer> statuses = new ArrayList<>();
        List<RawViewer> opened = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                RawViewer viewer = RawViewer.open(sale);
                opened.add(viewer);
                statuses.add(viewer.status);
                if (viewer.status == 429) {
                    assertThat(Integer.parseInt(viewer.headers.get("retry-after")))
                            .isBetween(1, 2);
                    assertThat(viewer.headers).containsEntry("ratelimit-limit", "3");
                }
            }
        } finally {
            for (RawViewer viewer : opened) {
                viewer.close();
            }
        }
        // Ten handshakes take far less than the 2 s that would refill seven tokens.
        assertThat(statuses).contains(101, 429).containsOnly(101, 429);
        assertThat(statuses.stream().filter(s -> s == 101)).hasSizeLessThanOrEqualTo(5);
        assertThat(Meters.value(REFUSED)).isGreaterThan(refusedBefore);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (RawViewer later = RawViewer.open(sale)) {
                return later.status == 101;
            }
        });
    }
}
