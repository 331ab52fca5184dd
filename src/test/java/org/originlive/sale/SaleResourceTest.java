package org.originlive.sale;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

@QuarkusTest
class SaleResourceTest {

    private static final Instant START = Instant.now().plusSeconds(3600);
    private static final Instant END = START.plusSeconds(3600);

    private static int stock(String productId) {
        return anonymous().get("/api/products/" + productId).then().extract().path("stock");
    }

    @Test
    void hostCreatesASaleAcrossCooperativesAndStockIsTaken() {
        String host = Api.host();
        String chili = Api.product(Api.cooperative(), 3900, 100);
        String coffee = Api.product(Api.cooperative(), 6800, 50);
        String id = as(host).body(
                        Api.saleBody(START, END, Api.saleItem(chili, 3500, 40, 2), Api.saleItem(coffee, 6000, 50, 1)))
                .post("/api/sales")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/sales/"))
                .body("status", equalTo("SCHEDULED"))
                .body("currency", equalTo("CNY"))
                .body("items[0].productId", equalTo(chili))
                .body("items[0].quantity", equalTo(40))
                .body("items[0].remaining", equalTo(40))
                .body("items[0].salePriceMinor", equalTo(3500))
                .body("items[1].remaining", equalTo(50))
                .extract()
                .path("id");
        org.assertj.core.api.Assertions.assertThat(stock(chili)).isEqualTo(60);
        org.assertj.core.api.Assertions.assertThat(stock(coffee)).isZero();
        anonymous().get("/api/sales/" + id).then().statusCode(200).body("items.size()", equalTo(2));
    }

    @Test
    void tooLittleStockIs409AndTakesNothing() {
        String host = Api.host();
        String enough = Api.product(Api.cooperative(), 100, 10);
        String scarce = Api.product(Api.cooperative(), 100, 3);
        as(host).body(Api.saleBody(START, END, Api.saleItem(enough, 100, 10, 1), Api.saleItem(scarce, 100, 4, 1)))
                .post("/api/sales")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://originlive.org/problems/insufficient-stock"));
        org.assertj.core.api.Assertions.assertThat(stock(enough)).isEqualTo(10);
        org.assertj.core.api.Assertions.assertThat(stock(scarce)).isEqualTo(3);
    }

    @Test
    void invalidSalesAre422() {
        String host = Api.host();
        String product = Api.product(Api.cooperative(), 100, 10);
        as(host).body(Api.saleBody(END, START, Api.saleItem(product, 100, 1, 1)))
                .post("/api/sales")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("endsAt"));
        as(host).body(Api.saleBody(START, END, Api.saleItem("00000000-0000-0000-0000-000000000000", 100, 1, 1)))
                .post("/api/sales")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("items[0].productId"));
        as(host).body(Api.saleBody(START, END, Api.saleItem(product, 100, 0, 1)))
                .post("/api/sales")
                .then()
                .statusCode(422);
        as(host).body(Api.saleBody(START, END)).post("/api/sales").then().statusCode(422);
        org.assertj.core.api.Assertions.assertThat(stock(product)).isEqualTo(10);
    }

    @Test
    void itemsMustShareOneCurrency() {
        String cooperative = Api.cooperative();
        String cny = Api.product(cooperative, 100, 10);
        Map<String, Object> usdBody = new HashMap<>(Api.productBody(Api.unique("USD"), 100, 10));
        usdBody.put("currency", "USD");
        String usd = as(Api.admin())
                .body(usdBody)
                .post("/api/cooperatives/" + cooperative + "/products")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(Api.host())
                .body(Api.saleBody(START, END, Api.saleItem(cny, 100, 1, 1), Api.saleItem(usd, 100, 1, 1)))
                .post("/api/sales")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("items"));
        org.assertj.core.api.Assertions.assertThat(stock(cny)).isEqualTo(10);
        org.assertj.core.api.Assertions.assertThat(stock(usd)).isEqualTo(10);
    }

    @Test
    void onlyHostsCreateSales() {
        String product = Api.product(Api.cooperative(), 100, 10);
        Map<String, Object> body = Api.saleBody(START, END, Api.saleItem(product, 100, 1, 1));
        as(Api.consumer()).body(body).post("/api/sales").then().statusCode(403);
        as(Api.cooperativeStaff(Api.cooperative()))
                .body(body)
                .post("/api/sales")
                .then()
                .statusCode(403);
        anonymous().body(body).post("/api/sales").then().statusCode(401);
    }

    @Test
    void lifecycleAndEveryIllegalTransition() {
        String host = Api.host();
        String product = Api.product(Api.cooperative(), 100, 10);
        String id = Api.scheduledSale(host, product, 10, 2);
        String url = "/api/sales/" + id;
        as(host).post(url + "/end")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://originlive.org/problems/illegal-transition"));
        as(host).post(url + "/start").then().statusCode(200).body("status", equalTo("LIVE"));
        as(host).post(url + "/start").then().statusCode(409);
        as(host).post(url + "/end")
                .then()
                .statusCode(200)
                .body("status", equalTo("ENDED"))
                .body("items[0].remaining", equalTo(0));
        as(host).post(url + "/end").then().statusCode(409);
        as(host).post(url + "/cancel").then().statusCode(409);
        as(host).post(url + "/start").then().statusCode(409);
        org.assertj.core.api.Assertions.assertThat(stock(product)).isEqualTo(10);
    }

    @Test
    void cancellingReturnsStockExactlyOnce() {
        String host = Api.host();
        String product = Api.product(Api.cooperative(), 100, 10);
        String scheduled = Api.scheduledSale(host, product, 6, 2);
        as(host).post("/api/sales/" + scheduled + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        as(host).post("/api/sales/" + scheduled + "/cancel").then().statusCode(409);
        org.assertj.core.api.Assertions.assertThat(stock(product)).isEqualTo(10);
        String live = Api.liveSale(host, product, 4, 2);
        as(Api.admin()).post("/api/sales/" + live + "/cancel").then().statusCode(200);
        org.assertj.core.api.Assertions.assertThat(stock(product)).isEqualTo(10);
    }

    @Test
    void onlyTheOwningHostOrAnAdminChangesASale() {
        String product = Api.product(Api.cooperative(), 100, 10);
        String id = Api.scheduledSale(Api.host(), product, 5, 1);
        as(Api.host()).post("/api/sales/" + id + "/start").then().statusCode(403);
        as(Api.consumer()).post("/api/sales/" + id + "/start").then().statusCode(403);
        anonymous().post("/api/sales/" + id + "/start").then().statusCode(401);
        as(Api.admin()).post("/api/sales/" + id + "/start").then().statusCode(200);
    }

    @Test
    void pinningFeaturesAnItemOfTheSale() {
        String host = Api.host();
        String product = Api.product(Api.cooperative(), 100, 10);
        String id = Api.liveSale(host, product, 5, 1);
        String item = anonymous().get("/api/sales/" + id).then().extract().path("items[0].id");
        as(host).body(Map.of("itemId", item))
                .post("/api/sales/" + id + "/pin")
                .then()
                .statusCode(200)
                .body("pinnedItemId", equalTo(item));
        as(host).body(Map.of("itemId", "00000000-0000-0000-0000-000000000000"))
                .post("/api/sales/" + id + "/pin")
                .then()
                .statusCode(422);
        as(Api.host())
                .body(Map.of("itemId", item))
                .post("/api/sales/" + id + "/pin")
                .then()
                .statusCode(403);
        as(host).post("/api/sales/" + id + "/end").then().statusCode(200);
        as(host).body(Map.of("itemId", item))
                .post("/api/sales/" + id + "/pin")
                .then()
                .statusCode(409);
    }

    @Test
    void listByStatusAndUnknownIds() {
        String host = Api.host();
        String live = Api.liveSale(host, Api.product(Api.cooperative(), 100, 10), 5, 1);
        anonymous()
                .get("/api/sales?status=LIVE&size=100")
                .then()
                .statusCode(200)
                .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("LIVE")))
                .body("items.id", hasItem(live));
        anonymous().get("/api/sales?status=PAUSED").then().statusCode(400);
        anonymous()
                .get("/api/sales/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404);
        anonymous().get("/api/sales/xyz").then().statusCode(404);
        as(host).post("/api/sales/00000000-0000-0000-0000-000000000000/start")
                .then()
                .statusCode(404);
    }

    @Test
    void aSaleStartingNowIsLiveAtOnce() {
        String product = Api.product(Api.cooperative(), 100, 10);
        as(Api.host())
                .body(Api.saleBody(
                        Instant.now().minusSeconds(5),
                        Instant.now().plusSeconds(600),
                        Api.saleItem(product, 100, 5, 1)))
                .post("/api/sales")
                .then()
                .statusCode(201)
                .body("status", equalTo("LIVE"));
    }
}
