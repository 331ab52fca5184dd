package org.originlive.payment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.originlive.payment.PaymentGateway.GatewayException;

/**
 * Alipay's gateway over HTTP, as the official SDK speaks it: the common parameters and the
 * signature in the query string, {@code biz_content} in a form body (server calls), or everything
 * in the query string of a URL the buyer's browser opens (page and WAP pay). Nothing blocks: the
 * Vert.x WebClient sends, and a call that has not answered within the timeout fails as
 * unreachable (its outcome unknown: the caller queries, it never re-sends under a new number).
 */
final class AlipayCalls {

    private static final Set<String> UNSIGNED = Set.of("sign");

    private final AlipayKeys keys;
    private final String appId;
    private final String gatewayUrl;
    private final Duration timeout;
    private final Clock clock;
    private final WebClient client;

    AlipayCalls(AlipayKeys keys, String appId, String gatewayUrl, Duration timeout, Clock clock, Vertx vertx) {
        this.keys = keys;
        this.appId = appId;
        this.gatewayUrl = gatewayUrl;
        this.timeout = timeout;
        this.clock = clock;
        int millis = (int) Math.max(1, timeout.toMillis());
        this.client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setConnectTimeout(millis)
                        .setFollowRedirects(false)
                        .setMaxPoolSize(8));
    }

    /** One server call; the item is Alipay's verified answer, whatever its code. */
    Uni<AlipayReply> call(String method, ObjectNode biz, String notifyUrl) {
        Map<String, String> params = signed(method, biz, notifyUrl);
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("biz_content", params.remove("biz_content"));
        long millis = Math.max(1, timeout.toMillis());
        return client.postAbs(gatewayUrl + separator() + query(params))
                .timeout(millis)
                .sendForm(form, "UTF-8")
                .ifNoItem()
                .after(timeout.plusMillis(200))
                .fail()
                .onFailure(e -> !(e instanceof GatewayException))
                .transform(e -> new GatewayException(
                        "unreachable",
                        "Alipay " + method + " did not answer: " + e.getClass().getSimpleName(),
                        true,
                        e))
                .map(response -> read(method, response));
    }

    /** The signed URL of a buyer-facing method (page or WAP pay): a plain GET, every parameter in its query. */
    String redirect(String method, ObjectNode biz, String notifyUrl) {
        return gatewayUrl + separator() + query(signed(method, biz, notifyUrl));
    }

    void close() {
        client.close();
    }

    private AlipayReply read(String method, HttpResponse<io.vertx.mutiny.core.buffer.Buffer> response) {
        String body = response.body() == null ? null : response.bodyAsString("UTF-8");
        return AlipayReply.read(keys, method, response.statusCode(), body);
    }

    private Map<String, String> signed(String method, ObjectNode biz, String notifyUrl) {
        Map<String, String> params = new TreeMap<>();
        params.put("app_id", appId);
        params.put("method", method);
        params.put("format", "JSON");
        params.put("charset", "utf-8");
        params.put("sign_type", "RSA2");
        params.put("timestamp", AlipayFormat.time(clock.instant()));
        params.put("version", "1.0");
        if (notifyUrl != null && !notifyUrl.isBlank()) {
            params.put("notify_url", notifyUrl);
        }
        params.put("biz_content", biz.toString());
        params.put("sign", keys.sign(AlipayKeys.content(params, UNSIGNED, true)));
        return params;
    }

    private String separator() {
        return gatewayUrl.contains("?") ? "&" : "?";
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
