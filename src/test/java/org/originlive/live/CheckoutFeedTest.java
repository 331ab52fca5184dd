package org.originlive.live;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.WsClient;

/** Stock taken at checkout reaches viewers as a stock frame with the new remaining. */
@QuarkusTest
class CheckoutFeedTest {

    @Test
    void aCheckoutCountsDownOnEveryViewersScreen() {
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 6800, 2000), 2000, 5);
        String item = Api.firstItem(sale);
        try (WsClient viewer = WsClient.watch(sale)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> !viewer.frames.isEmpty());
            Api.orderFromSale(Api.consumer(), sale, item, 5).then().statusCode(201);
            Api.orderFromSale(Api.consumer(), sale, item, 3).then().statusCode(201);
            await().atMost(Duration.ofSeconds(10)).until(() -> viewer.ofType("stock").stream()
                    .anyMatch(f -> f.getInteger("remaining") == 1992 && item.equals(f.getString("itemId"))));
        }
    }
}
