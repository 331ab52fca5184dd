package org.originlive.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.WsClient;

/**
 * A viewer whose TCP reader stalls is dropped with 1008 once its unsent bytes pass the bound, and
 * counted; a healthy viewer of the same room keeps getting every frame, the final stock value too.
 */
@QuarkusTest
class SlowViewerTest {

    private static final String DROPPED = "originlive_ws_viewers_dropped_total";

    record Filler(String text) {}

    @Inject
    SaleRooms rooms;

    @Test
    void aStalledReaderIsDroppedWhileAHealthyViewerGetsTheFinalStock() throws Exception {
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, 50), 50, 5);
        String item = Api.firstItem(sale);
        UUID saleId = UUID.fromString(sale);
        double droppedBefore = Meters.value(DROPPED);
        try (WsClient healthy = WsClient.watch(sale);
                RawViewer stalled = RawViewer.open(sale, 4096)) {
            assertThat(stalled.status).isEqualTo(101);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> healthy.ofType("viewers").stream().anyMatch(f -> f.getLong("count") == 2));

            // About 1 MB a round; the stalled socket never reads, the healthy one reads it all.
            Filler filler = new Filler("x".repeat(60_000));
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        for (int i = 0; i < 16; i++) {
                            rooms.queueFrame(saleId, "filler", filler);
                        }
                        return Meters.value(DROPPED) > droppedBefore;
                    });

            Api.orderFromSale(Api.consumer(), sale, item, 2).then().statusCode(201);
            Api.orderFromSale(Api.consumer(), sale, item, 3).then().statusCode(201);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> healthy.ofType("stock").stream().anyMatch(f -> f.getInteger("remaining") == 45));
            assertThat(healthy.isClosed()).isFalse();
            assertThat(healthy.ofType("filler")).isNotEmpty();
            assertThat(stalled.readUntilClose()).isEqualTo(1008);
        }
    }
}
