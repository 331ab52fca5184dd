package org.originlive.phone;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.originlive.common.Outbox;
import org.originlive.support.Api;
import org.originlive.support.SmsSimulator;

/**
 * Replicas racing for the same SMS: besides the app's own relay, four more relay loops (as other
 * replicas would run them, on the same outbox and the same claim) deliver while a slow provider
 * keeps rounds overlapping. Every phone still gets exactly one SMS per fulfilment.
 */
@QuarkusTest
@QuarkusTestResource(SmsSimulator.class)
class SmsRelayRaceTest {

    @Inject
    Outbox outbox;

    @Inject
    SmsSender sender;

    @Test
    void racingRelaysSendEachSmsExactlyOnce() throws Exception {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        List<String> phones = List.of(Phones.number(), Phones.number(), Phones.number());
        Phones.confirmed(staff, coop, "en", phones.toArray(String[]::new));
        for (String phone : phones) {
            SmsSimulator.server()
                    .stubFor(post(urlPathEqualTo("/version1/messaging"))
                            .atPriority(1)
                            .withRequestBody(containing("to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)))
                            .willReturn(SmsSimulator.success(phone)
                                    .withFixedDelay(150)
                                    .withBody("{\"SMSMessageData\":{\"Message\":\"Sent to 1/1\",\"Recipients\":"
                                            + "[{\"statusCode\":101,\"number\":\"" + phone
                                            + "\",\"status\":\"Success\","
                                            + "\"cost\":\"RWF 15.0000\",\"messageId\":\"ATXid_{{randomValue length=20"
                                            + " type='ALPHANUMERIC'}}\"}]}}")
                                    .withTransformers("response-template")));
        }
        AtomicBoolean racing = new AtomicBoolean(true);
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> loops = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            loops.add(replicas.submit(() -> {
                while (racing.get()) {
                    outbox.relay(SmsRelay.TOPIC, 5, Outbox.Repeats.NOTICED, messages -> Multi.createFrom()
                                    .iterable(messages)
                                    .onItem()
                                    .transformToUniAndConcatenate(m -> sender.attempt(UUID.fromString(m.payload())))
                                    .collect()
                                    .last()
                                    .replaceWithVoid())
                            .await()
                            .atMost(Duration.ofSeconds(30));
                }
            }));
        }
        try {
            Phones.paidOrders(coop, 4);
            await().atMost(Duration.ofSeconds(30)).until(() -> sent(staff, coop) == 12);
            await().pollDelay(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> true);
        } finally {
            racing.set(false);
            for (var loop : loops) {
                loop.get();
            }
            replicas.shutdown();
        }
        for (String phone : phones) {
            assertThat(SmsSimulator.sendsTo(phone)).as(phone).hasSize(1 + 4); // its code, then one per order
        }
        assertThat(sent(staff, coop)).isEqualTo(12);
    }

    private static long sent(String staff, String coop) {
        List<Map<String, Object>> items = as(staff)
                .get("/api/cooperatives/" + coop + "/alerts/sms?size=100")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.stream()
                .filter(s -> "NEW_ORDER".equals(s.get("kind")) && "SENT".equals(s.get("status")))
                .count();
    }
}
