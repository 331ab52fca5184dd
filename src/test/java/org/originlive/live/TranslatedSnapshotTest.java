package org.originlive.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.WsClient;

/** Each viewer's snapshot (also a resync's) comes in the socket's language; every other frame is shared. */
@QuarkusTest
class TranslatedSnapshotTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    SaleRooms rooms;

    @Test
    void snapshotsComeInEachSocketsLanguage() {
        String coop = Api.cooperative();
        String product = Api.product(coop, 5900, 50);
        String staff = Api.cooperativeStaff(coop);
        as(staff)
                .body(Map.of("name", "基伍红波旁咖啡豆"))
                .put("/api/products/" + product + "/translations/zh-CN")
                .then()
                .statusCode(200);
        as(staff)
                .body(Map.of("name", "Bourbon rouge du Kivu"))
                .put("/api/products/" + product + "/translations/fr")
                .then()
                .statusCode(200);
        String host = Api.host();
        String sale = Api.liveSale(host, product, 10, 5);
        as(host).body(Map.of("title", "卢旺达咖啡直播"))
                .put("/api/sales/" + sale + "/translations/zh-CN")
                .then()
                .statusCode(200);
        String sourceName =
                Api.anonymous().get("/api/products/" + product).then().extract().path("name");
        int port = RestAssured.port;

        try (WsClient chinese = WsClient.watch(port, "/ws/sales/" + sale + "?lang=zh-CN", Map.of());
                WsClient plain = WsClient.watch(sale);
                WsClient french = WsClient.watch(port, "/ws/sales/" + sale, Map.of("Accept-Language", "fr-FR"));
                WsClient unsupported =
                        WsClient.watch(port, "/ws/sales/" + sale + "?lang=de", Map.of("Accept-Language", "zh-CN"))) {
            List<WsClient> all = List.of(chinese, plain, french, unsupported);
            await().atMost(WAIT)
                    .until(() -> all.stream().allMatch(v -> v.ofType("snapshot").size() == 1));
            assertSnapshot(chinese, "卢旺达咖啡直播", "基伍红波旁咖啡豆", "zh-CN");
            assertSnapshot(plain, "Rwandan coffee live", sourceName, "en");
            assertSnapshot(french, "Rwandan coffee live", "Bourbon rouge du Kivu", "fr");
            assertSnapshot(unsupported, "Rwandan coffee live", sourceName, "en");

            // Changes after the snapshot are the same shared frames for everyone.
            String item = Api.firstItem(sale);
            Api.orderFromSale(Api.consumer(), sale, item, 2).then().statusCode(201);
            await().atMost(WAIT)
                    .until(() -> all.stream().allMatch(v -> !v.ofType("stock").isEmpty()));
            for (WsClient viewer : all) {
                JsonObject stock =
                        viewer.ofType("stock").get(viewer.ofType("stock").size() - 1);
                assertThat(stock.getInteger("remaining")).isEqualTo(8);
            }

            // After the change feed was interrupted, each viewer's fresh snapshot keeps its language.
            rooms.resyncAll();
            await().atMost(WAIT)
                    .until(() -> all.stream().allMatch(v -> v.ofType("snapshot").size() == 2));
            assertSnapshot(chinese, "卢旺达咖啡直播", "基伍红波旁咖啡豆", "zh-CN");
            assertSnapshot(plain, "Rwandan coffee live", sourceName, "en");
            assertSnapshot(french, "Rwandan coffee live", "Bourbon rouge du Kivu", "fr");
            assertSnapshot(unsupported, "Rwandan coffee live", sourceName, "en");
            assertThat(chinese.ofType("snapshot")
                            .get(1)
                            .getJsonObject("sale")
                            .getJsonArray("items")
                            .getJsonObject(0)
                            .getInteger("remaining"))
                    .isEqualTo(8);
        }
    }

    private static void assertSnapshot(WsClient viewer, String title, String itemName, String lang) {
        List<JsonObject> snapshots = viewer.ofType("snapshot");
        JsonObject sale = snapshots.get(snapshots.size() - 1).getJsonObject("sale");
        assertThat(sale.getString("title")).isEqualTo(title);
        assertThat(sale.getJsonArray("items").getJsonObject(0).getString("name"))
                .isEqualTo(itemName);
        assertThat(sale.getString("lang")).isEqualTo(lang);
    }
}
