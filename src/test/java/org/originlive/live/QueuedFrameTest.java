package org.originlive.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.WsClient;

/** The seam other features (chat) send through: queued frames arrive whole, all of them, in order. */
@QuarkusTest
class QueuedFrameTest {

    record Note(String type, int n, String text) {}

    @Inject
    SaleRooms rooms;

    @Test
    void queuedFramesReachEveryViewerInOrderWithTypeAndServerTime() {
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, 10), 5, 1);
        UUID saleId = UUID.fromString(sale);
        try (WsClient first = WsClient.watch(sale);
                WsClient second = WsClient.watch(sale)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !first.ofType("snapshot").isEmpty()
                            && !second.ofType("snapshot").isEmpty());
            // One note longer than a WebSocket frame (64 KiB): it goes out fragmented, arrives whole.
            IntStream.range(0, 50)
                    .forEach(n -> rooms.queueFrame(
                            saleId, "note", new Note("ignored", n, n == 25 ? "y".repeat(150_000) : "note " + n)));
            for (WsClient viewer : List.of(first, second)) {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> viewer.ofType("note").size() == 50);
                List<JsonObject> notes = viewer.ofType("note");
                assertThat(notes)
                        .extracting(f -> f.getInteger("n"))
                        .containsExactlyElementsOf(
                                IntStream.range(0, 50).boxed().toList());
                assertThat(notes.get(25).getString("text")).hasSize(150_000);
                assertThat(notes)
                        .allSatisfy(f -> assertThat(f.getString("serverTime")).isNotBlank());
            }
        }
    }
}
