package org.originlive.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.Concurrently;

/** A flood from one account, across 20 database connections, yields exactly the allowed number of messages. */
@QuarkusTest
@TestProfile(ChatBurstTest.LongWindow.class)
class ChatBurstTest {

    /** A 10-minute window, so the exact count never depends on how fast a busy machine serves 1,000 requests. */
    public static class LongWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("originlive.chat.window", "10m");
        }
    }

    @Test
    void aThousandPostsInABurstFromOneAccountCreateExactlyTwenty() throws Exception {
        String sale = Chat.liveSale(Api.host());
        String buyer = Api.consumer();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String body = "burst " + i;
            calls.add(() -> Chat.post(buyer, sale, body));
        }
        List<Response> responses = Concurrently.all(calls, 48);
        Map<Integer, Long> byStatus =
                responses.stream().collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
        assertThat(byStatus).containsOnlyKeys(201, 429);
        assertThat(byStatus.get(201)).isEqualTo(20L);
        assertThat(byStatus.get(429)).isEqualTo(980L);
        Response limited = responses.stream()
                .filter(r -> r.statusCode() == 429)
                .findFirst()
                .orElseThrow();
        limited.then().body("type", endsWith("/rate-limited"));
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(limited.header("RateLimit-Limit")).isEqualTo("20");
        assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
        Chat.read(sale, "?limit=200")
                .then()
                .body("items.size()", equalTo(20))
                .body("latestSeq", equalTo(20))
                .body("items.seq", contains(IntStream.rangeClosed(1, 20).boxed().toArray()));
    }
}
