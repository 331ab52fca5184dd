package org.originlive.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.anonymous;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.common.Transactions;
import org.originlive.sale.SaleEvent;
import org.originlive.sale.SaleEvents;
import org.originlive.support.Api;
import org.originlive.support.WsClient;

/**
 * A burst of stock changes, each committed with its NOTIFY as checkout will do: the viewer gets
 * them conflated (about ten a second at most) and always the final value.
 */
@QuarkusTest
class ConflationTest {

    @Inject
    Transactions transactions;

    @Inject
    SaleEvents events;

    @Test
    void aBurstIsConflatedAndTheFinalValueArrives() {
        String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, 200), 200, 5);
        UUID saleId = UUID.fromString(sale);
        UUID item = UUID.fromString(
                anonymous().get("/api/sales/" + sale).then().extract().path("items[0].id"));
        try (WsClient viewer = WsClient.watch(sale)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> !viewer.frames.isEmpty());
            long started = System.nanoTime();
            for (int i = 0; i < 60; i++) {
                takeOne(saleId, item);
            }
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> viewer.ofType("stock").stream().anyMatch(f -> f.getInteger("remaining") == 140));
            var stock = viewer.ofType("stock");
            assertThat(stock.get(stock.size() - 1).getInteger("remaining")).isEqualTo(140);
            // At most one frame per flush interval (100 ms) while the burst lasted, plus the last.
            assertThat(stock.size()).isLessThanOrEqualTo((int) (elapsedMillis / 100) + 2);
            assertThat(stock).extracting(f -> f.getLong("seq")).isSorted();
        }
    }

    private void takeOne(UUID saleId, UUID item) {
        transactions
                .inTransaction(tx -> events.claimSeq(tx, saleId, 1).flatMap(seq -> tx.sql()
                        .preparedQuery(
                                "UPDATE sale_item SET remaining = remaining - 1 WHERE id = $1 RETURNING remaining")
                        .execute(Tuple.of(item))
                        .flatMap(rows -> events.publish(
                                tx,
                                List.of(SaleEvent.stock(
                                        saleId,
                                        item,
                                        rows.iterator().next().getInteger("remaining"),
                                        seq,
                                        System.currentTimeMillis()))))))
                .await()
                .atMost(Duration.ofSeconds(10));
    }
}
