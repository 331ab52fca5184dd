package org.originlive.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originlive.support.Api.as;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The invariants every money test ends with. */
public final class Books {

    private Books() {}

    /** Debits equal credits in every currency of the whole ledger. */
    public static void balanced() {
        List<Map<String, Object>> items = as(Api.admin())
                .get("/api/admin/ledger/trial-balance")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertThat(items).isNotEmpty();
        items.forEach(line -> assertThat(((Number) line.get("debitsMinor")).longValue())
                .as("debits = credits in " + line.get("currency"))
                .isEqualTo(((Number) line.get("creditsMinor")).longValue()));
    }

    /** pending + available + in transit + paid out = the earnings' net, for each cooperative. */
    public static void cooperativeAddsUp(String... coops) {
        for (String coop : coops) {
            long sum = Arrays.stream(Purchase.balance(coop)).sum();
            assertThat(sum).as("buckets of " + coop).isEqualTo(Purchase.earningsNet(coop));
        }
    }
}
