package org.originlive.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

/** Every pin is kept with its times, for a replay's chapters: each pin ends the one before, the sale's end the last. */
@QuarkusTest
class PinHistoryTest {

    @Inject
    PinHistory pins;

    @Test
    void eachPinEndsThePreviousOneAndTheSalesEndEndsTheLast() {
        String host = Api.host();
        String cooperative = Api.cooperative();
        Instant start = Instant.now().plusSeconds(3600);
        String sale = as(host).body(Api.saleBody(
                        start,
                        start.plusSeconds(3600),
                        Api.saleItem(Api.product(cooperative, 900, 10), 900, 10, 2),
                        Api.saleItem(Api.product(cooperative, 1200, 10), 1200, 10, 2)))
                .post("/api/sales")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(host).post("/api/sales/" + sale + "/start").then().statusCode(200);
        List<String> items = as(host).get("/api/sales/" + sale).path("items.id");
        for (String item : List.of(items.get(0), items.get(1), items.get(0))) {
            as(host).body(Map.of("itemId", item))
                    .post("/api/sales/" + sale + "/pin")
                    .then()
                    .statusCode(200);
        }
        as(host).post("/api/sales/" + sale + "/end").then().statusCode(200);

        List<PinHistory.Pin> kept =
                pins.of(java.util.UUID.fromString(sale)).await().atMost(Duration.ofSeconds(5));
        assertThat(kept)
                .extracting(p -> p.itemId().toString())
                .containsExactly(items.get(0), items.get(1), items.get(0));
        assertThat(kept).allSatisfy(p -> assertThat(p.until()).isNotNull().isAfterOrEqualTo(p.from()));
        assertThat(kept.get(0).until()).isEqualTo(kept.get(1).from());
        assertThat(kept.get(1).until()).isEqualTo(kept.get(2).from());
    }
}
