package org.originlive.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A local WireMock speaking MTN MoMo Disbursement and Safaricom Daraja, shared by every test of
 * the run. Token endpoints answer always; anything unstubbed is a 503, never a 404, so a test
 * that forgot a stub never looks like "the provider does not know this transfer".
 */
public class ProviderSimulator implements QuarkusTestResourceLifecycleManager {

    public static final String MTN_USER = "0f8fad5b-d9cb-469f-a165-70867728950e";
    public static final String MTN_KEY = "momo-api-key-for-tests";
    /** A second MoMo API user, for a test whose app's token requests must be told apart from the others'. */
    public static final String MTN_OTHER_USER = "5d8f0b4e-2b55-4c7a-9a6e-1f2c3b4d5e6f";

    public static final String MTN_SUBSCRIPTION = "momo-subscription-for-tests";
    public static final String MPESA_KEY = "daraja-consumer-key";
    public static final String MPESA_SECRET = "daraja-consumer-secret";

    private static WireMockServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().containerThreads(8));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            defaults();
            warmUp();
        }
        String base = "http://localhost:" + server.port();
        return Map.ofEntries(
                Map.entry("originlive.payouts.mtn-momo.base-url", base),
                Map.entry("originlive.payouts.mtn-momo.api-user", MTN_USER),
                Map.entry("originlive.payouts.mtn-momo.api-key", MTN_KEY),
                Map.entry("originlive.payouts.mtn-momo.subscription-key", MTN_SUBSCRIPTION),
                Map.entry("originlive.payouts.mtn-momo.target-environment", "sandbox"),
                Map.entry("originlive.payouts.mpesa.base-url", base),
                Map.entry("originlive.payouts.mpesa.consumer-key", MPESA_KEY),
                Map.entry("originlive.payouts.mpesa.consumer-secret", MPESA_SECRET),
                Map.entry("originlive.payouts.mpesa.initiator-name", "originlive"),
                Map.entry("originlive.payouts.mpesa.security-credential", "encrypted-credential"),
                Map.entry("originlive.payouts.mpesa.short-code", "600000"),
                Map.entry("originlive.payouts.callback-base-url", "https://api.test.originlive.org"));
    }

    @Override
    public void stop() {
        // Kept for the whole run, like the database: several test profiles share it.
    }

    public static WireMockServer server() {
        return server;
    }

    /** One request through WireMock's own stack, so its first answer to the app is not a cold start. */
    private static void warmUp() {
        try {
            var client = java.net.http.HttpClient.newHttpClient();
            for (int i = 0; i < 3; i++) {
                client.send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + server.port() + "/oauth/v1/generate"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void defaults() {
        server.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(503)));
        for (String user : new String[] {MTN_USER, MTN_OTHER_USER}) {
            server.stubFor(post(urlPathEqualTo("/disbursement/token/"))
                    .withBasicAuth(user, MTN_KEY)
                    .withHeader(
                            "Ocp-Apim-Subscription-Key",
                            com.github.tomakehurst.wiremock.client.WireMock.equalTo(MTN_SUBSCRIPTION))
                    .willReturn(okJson(
                            "{\"access_token\":\"momo-token\",\"token_type\":\"access_token\",\"expires_in\":3600}")));
        }
        server.stubFor(get(urlPathEqualTo("/oauth/v1/generate"))
                .withBasicAuth(MPESA_KEY, MPESA_SECRET)
                .willReturn(okJson("{\"access_token\":\"daraja-token\",\"expires_in\":\"3599\"}")));
    }
}
