package org.originlive.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.WsClient;

/**
 * With a big-room size of one viewer, a room of nine is "huge": its flush interval grows (gauge),
 * it gets fewer stock frames than the flush interval of a small room would allow, ticks every
 * 5 s instead of every second, and every frame it gets carries serverTime.
 */
@QuarkusTest
@TestProfile(AdaptiveRateTest.TinyBigRoom.class)
class AdaptiveRateTest {

    public static class TinyBigRoom implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "originlive.live.big-room", "1",
                    "originlive.live.flush-interval", "100ms",
                    "originlive.live.max-flush-interval", "500ms",
                    "originlive.live.big-room-tick", "5s");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aBigRoomFlushesAndTicksLessOftenAndEveryFrameCarriesServerTime() {
        String host = Api.host();
        String small = Api.liveSale(host, Api.product(Api.cooperative(), 100, 10), 10, 5);
        String big = Api.liveSale(host, Api.product(Api.cooperative(), 100, 200), 200, 100);
        String bigItem = Api.firstItem(big);
        List<WsClient> crowd = new ArrayList<>();
        try (WsClient alone = WsClient.watch(small)) {
            for (int i = 0; i < 9; i++) {
                crowd.add(WsClient.watch(big));
            }
            WsClient watcher = crowd.get(0);
            // sqrt(9 viewers / big-room 1) x 100 ms = 300 ms; the small room stays at 100 ms.
            await().atMost(WAIT).until(() -> interval(small) == 100 && interval(big) == 300);

            String buyer = Api.consumer();
            long started = System.nanoTime();
            for (int i = 0; i < 30; i++) {
                Api.orderFromSale(buyer, big, bigItem, 1).then().statusCode(201);
            }
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            await().atMost(WAIT)
                    .until(() -> watcher.ofType("stock").stream().anyMatch(f -> f.getInteger("remaining") == 170));
            // At most one flush per 300 ms while the burst lasted, plus the last one.
            assertThat(watcher.ofType("stock")).hasSizeLessThanOrEqualTo((int) (elapsedMillis / 300) + 2);

            int bigTicks = watcher.ofType("tick").size();
            int smallTicks = alone.ofType("tick").size();
            await().atMost(WAIT).until(() -> alone.ofType("tick").size() >= smallTicks + 6);
            assertThat(watcher.ofType("tick").size() - bigTicks).isLessThanOrEqualTo(2);

            List<JsonObject> frames = List.copyOf(watcher.frames);
            assertThat(frames).isNotEmpty().allSatisfy(f -> assertThat(f.getString("serverTime"))
                    .as("serverTime of a %s frame", f.getString("type"))
                    .isNotBlank());
        } finally {
            crowd.forEach(WsClient::close);
        }
    }

    private static long interval(String saleId) {
        return (long) Meters.value("originlive_ws_flush_interval_millis{sale=\"" + saleId + "\"");
    }
}
