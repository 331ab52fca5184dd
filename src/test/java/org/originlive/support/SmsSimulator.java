package org.originlive.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local WireMock speaking Africa's Talking bulk SMS ({@code POST /version1/messaging}, form
 * body, {@code apiKey} header). By default every send succeeds (statusCode 101); tests stub
 * failures per phone number. Kept for the whole run.
 */
public class SmsSimulator implements QuarkusTestResourceLifecycleManager {

    public static final String USERNAME = "originlive-test";
    public static final String API_KEY = "at-api-key-for-tests";
    public static final String SENDER = "ORIGINLIVE";
    private static final AtomicLong IDS = new AtomicLong();

    private static WireMockServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().containerThreads(8));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            server.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(503)));
            server.stubFor(post(urlPathEqualTo("/version1/messaging"))
                    .atPriority(50)
                    .withHeader("apiKey", equalTo(API_KEY))
                    .withHeader("Accept", equalTo("application/json"))
                    .willReturn(success("+0")
                            .withBody("{\"SMSMessageData\":{\"Message\":\"Sent to 1/1 Total Cost: RWF 15.0000\","
                                    + "\"Recipients\":[{\"statusCode\":101,\"number\":\"+0\",\"status\":\"Success\","
                                    + "\"cost\":\"RWF 15.0000\",\"messageId\":"
                                    + "\"ATXid_{{randomValue length=24 type='ALPHANUMERIC'}}\"}]}}")
                            .withTransformers("response-template")));
        }
        return Map.of(
                "originlive.sms.base-url", "http://localhost:" + server.port(),
                "originlive.sms.username", USERNAME,
                "originlive.sms.api-key", API_KEY,
                "originlive.sms.sender", SENDER);
    }

    @Override
    public void stop() {
        // Kept for the whole run, like the database.
    }

    public static WireMockServer server() {
        return server;
    }

    /** The provider's answer for an accepted message (statusCode 101). */
    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder success(String number) {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"SMSMessageData\":{\"Message\":\"Sent to 1/1 Total Cost: RWF 15.0000\",\"Recipients\":"
                        + "[{\"statusCode\":101,\"number\":\"" + number + "\",\"status\":\"Success\","
                        + "\"cost\":\"RWF 15.0000\",\"messageId\":\"ATXid_" + IDS.incrementAndGet() + "\"}]}}");
    }

    /** The form fields of every send to {@code phone}, in order. */
    public static List<Map<String, String>> sendsTo(String phone) {
        return server
                .findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        urlPathEqualTo("/version1/messaging")))
                .stream()
                .map(SmsSimulator::form)
                .filter(f -> phone.equals(f.get("to")))
                .toList();
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }
}
