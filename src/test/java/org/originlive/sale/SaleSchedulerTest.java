package org.originlive.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

@QuarkusTest
class SaleSchedulerTest {

    private static String status(String id) {
        return anonymous().get("/api/sales/" + id).then().extract().path("status");
    }

    @Test
    void aSaleGoesLiveAtStartsAtAndEndsAtEndsAtReturningStockOnce() {
        String product = Api.product(Api.cooperative(), 100, 20);
        Instant start = Instant.now().plusSeconds(2);
        String id = as(Api.host())
                .body(Api.saleBody(start, start.plusSeconds(2), Api.saleItem(product, 100, 15, 1)))
                .post("/api/sales")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(status(id)).isEqualTo("SCHEDULED");
        await().atMost(Duration.ofSeconds(10)).until(() -> "LIVE".equals(status(id)));
        assertThat(Instant.now()).isAfterOrEqualTo(start);
        await().atMost(Duration.ofSeconds(10)).until(() -> "ENDED".equals(status(id)));
        assertThat(Instant.now()).isAfterOrEqualTo(start.plusSeconds(2));
        int stock = anonymous().get("/api/products/" + product).then().extract().path("stock");
        assertThat(stock).isEqualTo(20);
    }
}
