package org.originlive.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

/** With rate limits off (load tests from one address) the per-address caps do not apply. */
@QuarkusTest
@TestProfile(SocketCapsOffTest.LimitsOff.class)
class SocketCapsOffTest {

    public static class LimitsOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "originlive.rate-limit.enabled", "false",
                    "originlive.live.max-sockets-per-address", "1",
                    "originlive.live.new-sockets-per-second-per-address", "1");
        }
    }

    @Test
    void oneAddressMayOpenManySocketsWhenRateLimitsAreOff() throws Exception {
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, 10), 5, 1);
        List<RawViewer> viewers = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                viewers.add(RawViewer.open(sale));
            }
            assertThat(viewers).extracting(v -> v.status).containsOnly(101);
        } finally {
            for (RawViewer viewer : viewers) {
                viewer.close();
            }
        }
    }
}
