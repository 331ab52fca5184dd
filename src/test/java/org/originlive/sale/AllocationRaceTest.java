package org.originlive.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

/** Many hosts allocate one product at once: stock never goes negative and the sum is exact. */
@QuarkusTest
class AllocationRaceTest {

    @Test
    void concurrentAllocationsNeverOversellAProduct() throws Exception {
        int stock = 100;
        int each = 7;
        int hosts = 30;
        String product = Api.product(Api.cooperative(), 100, stock);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tokens.add(Api.host());
        }
        Instant start = Instant.now().plusSeconds(3600);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(hosts);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            String token = tokens.get(i % tokens.size());
            Callable<Integer> create = () -> {
                go.await();
                return as(token)
                        .body(Api.saleBody(start, start.plusSeconds(60), Api.saleItem(product, 100, each, 1)))
                        .post("/api/sales")
                        .statusCode();
            };
            results.add(pool.submit(create));
        }
        go.countDown();
        int created = 0;
        int soldOut = 0;
        for (Future<Integer> result : results) {
            int status = result.get();
            if (status == 201) {
                created++;
            } else if (status == 409) {
                soldOut++;
            } else {
                throw new AssertionError("unexpected status " + status);
            }
        }
        pool.shutdown();
        assertThat(created).isEqualTo(stock / each);
        assertThat(soldOut).isEqualTo(hosts - stock / each);
        int left = anonymous().get("/api/products/" + product).then().extract().path("stock");
        assertThat(left).isEqualTo(stock - created * each);
    }
}
