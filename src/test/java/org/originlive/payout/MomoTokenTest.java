package org.originlive.payout;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.originlive.common.Transactions;
import org.originlive.ledger.Ledger;
import org.originlive.support.Api;
import org.originlive.support.ProviderSimulator;

/**
 * MoMo's token comes from the OIDC client, which keeps it: this app signs in as a MoMo API user of
 * its own, so every token request it makes — for these payouts or for its pollers — can be counted.
 */
@QuarkusTest
@TestProfile(MomoTokenTest.OwnApiUser.class)
class MomoTokenTest {

    private static final String TRANSFER = "/disbursement/v1_0/transfer";

    public static class OwnApiUser implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc-client.mtn-momo.client-id", ProviderSimulator.MTN_OTHER_USER);
        }
    }

    @Inject
    Ledger ledger;

    @Inject
    Pool pool;

    @Test
    void oneTokenServesTwoPayouts() {
        WireMockServer momo = ProviderSimulator.server();
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        String msisdn = "25079" + ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999L);
        new Funds(ledger, new Transactions(pool)).credit(coop, "RWF", 10_000);
        Funds.destination(staff, coop, "MTN_MOMO", "+" + msisdn, "RWF");
        momo.stubFor(post(urlPathEqualTo(TRANSFER))
                .withRequestBody(matchingJsonPath("$.payee.partyId", equalTo(msisdn)))
                .willReturn(WireMock.aResponse().withStatus(202)));

        payout(staff, coop, 3_000);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> transfers(momo, msisdn).size() == 1);
        payout(staff, coop, 4_000);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> transfers(momo, msisdn).size() == 2);

        assertThat(transfers(momo, msisdn))
                .allSatisfy(sent -> assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer momo-token"));
        assertThat(tokenRequests(momo)).hasSize(1);
    }

    private static void payout(String staff, String coop, long amount) {
        Funds.payout(staff, coop, "k-" + amount, Map.of("currency", "RWF", "amountMinor", amount))
                .then()
                .statusCode(201);
    }

    private static List<LoggedRequest> transfers(WireMockServer momo, String msisdn) {
        return momo.findAll(postRequestedFor(urlPathEqualTo(TRANSFER))
                .withRequestBody(matchingJsonPath("$.payee.partyId", equalTo(msisdn))));
    }

    private static List<LoggedRequest> tokenRequests(WireMockServer momo) {
        String basic = Base64.getEncoder()
                .encodeToString((ProviderSimulator.MTN_OTHER_USER + ":" + ProviderSimulator.MTN_KEY)
                        .getBytes(StandardCharsets.UTF_8));
        return momo.findAll(postRequestedFor(urlPathEqualTo("/disbursement/token/"))
                .withHeader("Authorization", equalTo("Basic " + basic)));
    }
}
