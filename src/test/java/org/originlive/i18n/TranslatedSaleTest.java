package org.originlive.i18n;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

/** Sale titles and their items' names in the buyer's language; order lines keep the name as bought. */
@QuarkusTest
class TranslatedSaleTest {

    private static final String ZH_NAME = "基伍红波旁咖啡豆 250克";
    private static final String ZH_TITLE = "卢旺达咖啡直播";

    /** A product whose name has a zh-CN translation, and a host's scheduled sale of it. */
    private record Setup(String host, String product, String sale, String sourceName) {}

    private static Setup setup() {
        String coop = Api.cooperative();
        String product = Api.product(coop, 5900, 50);
        String sourceName =
                anonymous().get("/api/products/" + product).then().extract().path("name");
        as(Api.cooperativeStaff(coop))
                .body(Map.of("name", ZH_NAME))
                .put("/api/products/" + product + "/translations/zh-CN")
                .then()
                .statusCode(200);
        String host = Api.host();
        return new Setup(host, product, Api.scheduledSale(host, product, 10, 5), sourceName);
    }

    @Test
    void aSaleIsServedWithItsTitleAndItemNamesTranslated() {
        Setup s = setup();
        String path = "/api/sales/" + s.sale();

        // The item's name comes from its product's translation even before the title has one.
        anonymous()
                .header("Accept-Language", "zh-CN")
                .get(path)
                .then()
                .statusCode(200)
                .body("title", equalTo("Rwandan coffee live"))
                .body("items[0].name", equalTo(ZH_NAME))
                .body("lang", equalTo("zh-CN"))
                .header("Content-Language", "zh-CN");

        as(s.host())
                .body(Map.of("title", ZH_TITLE))
                .put(path + "/translations/zh-CN")
                .then()
                .statusCode(200)
                .body("lang", equalTo("zh-CN"))
                .body("title", equalTo(ZH_TITLE));

        anonymous()
                .header("Accept-Language", "zh-Hans, en;q=0.5")
                .get(path)
                .then()
                .statusCode(200)
                .header("Content-Language", "zh-CN")
                .header("Vary", containsString("Accept-Language"))
                .body("title", equalTo(ZH_TITLE))
                .body("items[0].name", equalTo(ZH_NAME))
                .body("sourceLang", equalTo("en"))
                .body("lang", equalTo("zh-CN"));
        anonymous()
                .get(path + "?lang=fr")
                .then()
                .header("Content-Language", "en")
                .body("title", equalTo("Rwandan coffee live"))
                .body("items[0].name", equalTo(s.sourceName()))
                .body("lang", equalTo("en"));
        anonymous()
                .header("Accept-Language", "*;q=0")
                .get(path)
                .then()
                .statusCode(200)
                .body("title", equalTo("Rwandan coffee live"));

        Map<String, Object> listed = inList(s.sale(), "zh-CN");
        org.assertj.core.api.Assertions.assertThat(listed)
                .containsEntry("title", ZH_TITLE)
                .containsEntry("lang", "zh-CN");
        org.assertj.core.api.Assertions.assertThat(inList(s.sale(), null))
                .containsEntry("title", "Rwandan coffee live")
                .containsEntry("lang", "en");

        anonymous()
                .get(path + "/translations")
                .then()
                .statusCode(200)
                .body("saleId", equalTo(s.sale()))
                .body("sourceLang", equalTo("en"))
                .body("translations.title", equalTo(List.of(ZH_TITLE)));
    }

    @Test
    void onlyTheSalesHostOrAnAdminTranslatesItsTitle() {
        Setup s = setup();
        String path = "/api/sales/" + s.sale() + "/translations/";
        Map<String, String> body = Map.of("title", "Café du Rwanda en direct");
        anonymous().body(body).put(path + "fr").then().statusCode(401);
        as(Api.consumer()).body(body).put(path + "fr").then().statusCode(403);
        as(Api.host())
                .body(body)
                .put(path + "fr")
                .then()
                .statusCode(403)
                .body("type", equalTo("https://originlive.org/problems/forbidden"));
        as(Api.cooperativeStaff(Api.cooperative()))
                .body(body)
                .put(path + "fr")
                .then()
                .statusCode(403);
        as(s.host())
                .body(body)
                .put(path + "de")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://originlive.org/problems/unsupported-language"));
        as(s.host()).body(body).put(path + "en").then().statusCode(422);
        as(s.host()).body(Map.of("title", " ")).put(path + "fr").then().statusCode(422);
        as(s.host())
                .body(Map.of("title", "x".repeat(201)))
                .put(path + "fr")
                .then()
                .statusCode(422);
        as(s.host())
                .body(body)
                .put("/api/sales/" + java.util.UUID.randomUUID() + "/translations/fr")
                .then()
                .statusCode(404);
        as(Api.admin()).body(body).put(path + "fr").then().statusCode(200);
        as(s.host())
                .body(Map.of("title", "Le café du Rwanda"))
                .put(path + "FR")
                .then()
                .statusCode(200)
                .body("lang", equalTo("fr"));
        anonymous().get("/api/sales/" + s.sale() + "?lang=fr").then().body("title", equalTo("Le café du Rwanda"));
    }

    @Test
    void orderLinesKeepTheNameAsBought() {
        Setup s = setup();
        as(s.host()).post("/api/sales/" + s.sale() + "/start").then().statusCode(200);
        String item = Api.firstItem(s.sale());
        String buyer = Api.consumer();
        Response order = as(buyer)
                .header("Accept-Language", "zh-CN")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Api.saleOrder(item, 1))
                .post("/api/sales/" + s.sale() + "/orders");
        order.then().statusCode(201).body("lines[0].name", equalTo(s.sourceName()));
        String orderId = order.path("id");
        as(buyer)
                .header("Accept-Language", "zh-CN")
                .get("/api/orders/" + orderId)
                .then()
                .statusCode(200)
                .body("lines[0].name", equalTo(s.sourceName()));
    }

    @Test
    void aSaleMayBeWrittenInAnotherLanguage() {
        String host = Api.host();
        String product = Api.product(Api.cooperative(), 100, 10);
        Instant start = Instant.now().plusSeconds(3600);
        Map<String, Object> body =
                new HashMap<>(Api.saleBody(start, start.plusSeconds(3600), Api.saleItem(product, 100, 1, 1)));
        body.put("title", "Vente du café rwandais");
        body.put("sourceLang", "fr");
        String sale = as(host).body(body)
                .post("/api/sales")
                .then()
                .statusCode(201)
                .body("sourceLang", equalTo("fr"))
                .body("lang", equalTo("fr"))
                .extract()
                .path("id");
        anonymous()
                .header("Accept-Language", "en")
                .get("/api/sales/" + sale)
                .then()
                .body("lang", equalTo("fr"))
                .header("Content-Language", "fr");
        body.put("sourceLang", "klingon");
        as(host).body(body)
                .post("/api/sales")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("sourceLang"));
    }

    private static Map<String, Object> inList(String id, String acceptLanguage) {
        for (int page = 0; page < 200; page++) {
            var request = anonymous();
            if (acceptLanguage != null) {
                request = request.header("Accept-Language", acceptLanguage);
            }
            Response response = request.get("/api/sales?status=SCHEDULED&size=100&page=" + page);
            response.then().statusCode(200).header("Vary", containsString("Accept-Language"));
            List<Map<String, Object>> items = response.path("items");
            for (Map<String, Object> item : items) {
                if (id.equals(item.get("id"))) {
                    org.assertj.core.api.Assertions.assertThat(response.header("Content-Language"))
                            .contains((String) item.get("lang"));
                    return item;
                }
            }
            if (items.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("Sale " + id + " is not listed");
    }
}
