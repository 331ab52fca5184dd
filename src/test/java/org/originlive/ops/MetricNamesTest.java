package org.originlive.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

/** The metrics the dashboard and alerts query (K8sManifestTest) are the ones the app exports. */
@QuarkusTest
class MetricNamesTest {

    @Test
    void everyMetricTheDashboardNeedsIsExported() {
        // A checkout and an authenticated read, so request and pool meters have samples.
        String host = Api.host();
        String saleId = Api.liveSale(host, Api.product(Api.cooperative(), 1000, 5), 5, 5);
        Api.orderFromSale(Api.consumer(), saleId, Api.firstItem(saleId), 1)
                .then()
                .statusCode(201);
        as(host).get("/api/me").then().statusCode(200);

        String body =
                anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> exported = Arrays.stream(body.split("\n"))
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toSet());

        assertThat(exported).containsAll(K8sManifestTest.EXPORTED_METRICS);
    }
}
