package org.originlive.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.originlive.support.WechatPaySimulator.Tamper;

/**
 * The simulator's WireMock side: checks each request's signature, routes it to
 * {@link WechatPaySimulatorRules}, and signs the answer with the platform key (or spoils it, when
 * a test asked for that).
 */
final class WechatPaySimulatorHandler implements ResponseDefinitionTransformerV2 {

    static final String NAME = "wechat-pay";
    static final String SCHEME = "WECHATPAY2-SHA256-RSA2048";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Pattern OPEN = Pattern.compile("/v3/(pay|global)/transactions/(native|h5|jsapi|mweb)");
    private static final Pattern QUERY = Pattern.compile("/v3/(pay|global)/transactions/out-trade-no/([^/]+)");
    private static final Pattern CLOSE = Pattern.compile("/v3/(pay|global)/transactions/out-trade-no/([^/]+)/close");
    private static final Pattern REFUND = Pattern.compile("/v3/(refund/domestic|global)/refunds");
    private static final Pattern REFUND_QUERY =
            Pattern.compile("/v3/(?:refund/domestic/refunds|global/refunds/out-refund-no)/([^/]+)");

    /** What to answer: a status, a JSON body (null for none) and how long to wait first. */
    record Answer(int status, String body, Duration delay) {

        static Answer of(int status, JsonNode body) {
            return new Answer(status, body == null ? null : body.toString(), null);
        }

        static Answer error(int status, String code, String message) {
            return of(status, JSON.createObjectNode().put("code", code).put("message", message));
        }
    }

    private final WechatPaySimulator simulator;
    private final WechatPaySimulatorRules rules;

    WechatPaySimulatorHandler(WechatPaySimulator simulator) {
        this.simulator = simulator;
        this.rules = new WechatPaySimulatorRules(simulator);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String rejection = rejection(request);
        if (rejection != null) {
            simulator.counted("sign-error");
            Answer answer = Answer.error(401, "SIGN_ERROR", "签名错误: " + rejection);
            return ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(answer.body())
                    .build();
        }
        String path = path(request);
        return signed(route(request, path), simulator.takeTamper(path));
    }

    private Answer route(Request request, String path) {
        String method = request.getMethod().getName();
        JsonNode body;
        try {
            byte[] raw = request.getBody();
            body = raw == null || raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        } catch (IOException e) {
            return Answer.error(400, "PARAM_ERROR", "body is not JSON");
        }
        Matcher m;
        if ("POST".equals(method) && (m = OPEN.matcher(path)).matches()) {
            return rules.open(m.group(1), m.group(2), body);
        }
        if ("POST".equals(method) && (m = CLOSE.matcher(path)).matches()) {
            return rules.close(m.group(2), body);
        }
        if ("GET".equals(method) && (m = QUERY.matcher(path)).matches()) {
            return rules.query(m.group(2), query(request, "mchid"));
        }
        if ("POST".equals(method) && (m = REFUND.matcher(path)).matches()) {
            return rules.refund("global".equals(m.group(1)), body);
        }
        if ("GET".equals(method) && (m = REFUND_QUERY.matcher(path)).matches()) {
            return rules.queryRefund(m.group(1), path.startsWith("/v3/global/"), query(request, "mchid"));
        }
        return Answer.error(404, "NO_SUCH_API", method + " " + path + " is not a WeChat Pay API here");
    }

    /** Why the request's Authorization is not the merchant's signature, or null when it is. */
    private String rejection(Request request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith(SCHEME + " ")) {
            return "no " + SCHEME + " Authorization";
        }
        Map<String, String> token = new HashMap<>();
        Matcher m = PARAMETER.matcher(authorization.substring(SCHEME.length() + 1));
        while (m.find()) {
            token.put(m.group(1), m.group(2));
        }
        if (!WechatPaySimulator.MCH_ID.equals(token.get("mchid"))) {
            return "mchid " + token.get("mchid");
        }
        if (!WechatPaySimulator.MERCHANT_SERIAL.equals(token.get("serial_no"))) {
            return "serial_no " + token.get("serial_no");
        }
        String timestamp = token.getOrDefault("timestamp", "");
        if (!timestamp.matches("\\d{1,12}")
                || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return "timestamp " + timestamp;
        }
        String body = request.getBody() == null ? "" : new String(request.getBody(), StandardCharsets.UTF_8);
        String message = request.getMethod().getName() + "\n" + request.getUrl() + "\n" + timestamp + "\n"
                + token.getOrDefault("nonce_str", "") + "\n" + body + "\n";
        boolean verified = WechatPayTestKeys.verify(
                simulator.keys.merchant.getPublic(), message, token.getOrDefault("signature", ""));
        return verified ? null : "signature does not verify";
    }

    private ResponseDefinition signed(Answer answer, Tamper tamper) {
        String body = answer.body() == null ? "" : answer.body();
        ResponseDefinitionBuilder response =
                ResponseDefinitionBuilder.responseDefinition().withStatus(answer.status());
        if (tamper != Tamper.UNSIGNED) {
            long timestamp = Instant.now().getEpochSecond() - (tamper == Tamper.STALE ? 600 : 0);
            String nonce = WechatPayTestKeys.random(32);
            PrivateKey key = tamper == Tamper.FORGED
                    ? simulator.keys.impostor.getPrivate()
                    : simulator.keys.platform.getPrivate();
            String signature = WechatPayTestKeys.sign(key, timestamp + "\n" + nonce + "\n" + body + "\n");
            response.withHeader("Wechatpay-Timestamp", Long.toString(timestamp))
                    .withHeader("Wechatpay-Nonce", nonce)
                    .withHeader("Wechatpay-Signature", signature)
                    .withHeader(
                            "Wechatpay-Serial",
                            tamper == Tamper.OTHER_KEY_ID
                                    ? "PUB_KEY_ID_0119000001092025061100000000000999"
                                    : WechatPaySimulator.PUBLIC_KEY_ID);
        }
        response.withHeader("Request-ID", WechatPayTestKeys.random(24));
        if (answer.body() != null) {
            response.withHeader("Content-Type", "application/json").withBody(body);
        }
        if (answer.delay() != null) {
            response.withFixedDelay((int) answer.delay().toMillis());
        }
        return response.build();
    }

    private static String path(Request request) {
        String url = request.getUrl();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String query(Request request, String name) {
        var parameter = request.queryParameter(name);
        return parameter != null && parameter.isPresent() ? parameter.firstValue() : null;
    }

    /** A JSON object builder for answers. */
    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
