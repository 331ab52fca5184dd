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
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The HTTP side of {@link AlipaySimulator}: Alipay's {@code /gateway.do} as a WireMock transformer.
 * It checks the app's RSA2 signature over every parameter (query and form), keeps each trade's
 * state, and answers as Alipay does: {@code {"<method>_response":{...},"sign":"..."}} with
 * {@code Content-Type: text/html;charset=utf-8}, signed with the "Alipay" key over the exact text
 * of the response object. A GET of a page or WAP pay URL is the buyer's browser opening the cashier.
 */
final class AlipaySimulatedGateway implements ResponseDefinitionTransformerV2 {

    static final String NAME = "alipay-gateway";
    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    volatile boolean forgeNextAnswer;
    volatile long delayNextMillis;

    private final AlipaySimulator simulator;
    private final AlipaySimulatedTrades trades;
    private final Map<String, Function<JsonNode, ObjectNode>> methods = new HashMap<>();

    AlipaySimulatedGateway(AlipaySimulator simulator, AlipaySimulatedTrades trades) {
        this.simulator = simulator;
        this.trades = trades;
        methods.put("alipay.trade.precreate", trades::precreate);
        methods.put("alipay.trade.query", biz -> trades.query(text(biz, "out_trade_no")));
        methods.put("alipay.trade.close", biz -> trades.close(text(biz, "out_trade_no")));
        methods.put("alipay.trade.refund", trades::refund);
        methods.put("alipay.trade.fastpay.refund.query", trades::refundQuery);
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
        Map<String, String> params = form(
                request.getUrl().contains("?")
                        ? request.getUrl().substring(request.getUrl().indexOf('?') + 1)
                        : "");
        if (!request.getBodyAsString().isEmpty()) {
            params.putAll(form(request.getBodyAsString()));
        }
        String method = String.valueOf(params.get("method"));
        requests.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        if ("GET".equals(request.getMethod().getName())) {
            return cashier(method, params);
        }
        String root = method.replace('.', '_') + "_response";
        ObjectNode answer = check(params);
        if (answer == null) {
            Function<JsonNode, ObjectNode> handler = methods.get(method);
            answer = handler == null ? error("40004", "isv.invalid-method", "不存在的方法名") : handler.apply(biz(params));
        }
        return respond(root, answer);
    }

    /** The buyer's browser opening the cashier: a valid URL makes the trade exist, waiting for payment. */
    private ResponseDefinition cashier(String method, Map<String, String> params) {
        if (check(params) != null || !method.endsWith(".pay")) {
            return ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html;charset=utf-8")
                    .withBody("<html><body>invalid-signature</body></html>")
                    .build();
        }
        trades.openCashier(biz(params), method);
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(200)
                .withHeader("Content-Type", "text/html;charset=utf-8")
                .withBody("<html><body>Alipay cashier (simulated)</body></html>")
                .build();
    }

    /** Null when the common parameters and the app's signature are right; else Alipay's error. */
    private ObjectNode check(Map<String, String> params) {
        if (!simulator.appSigned(params)) {
            return error("40002", "isv.invalid-signature", "验签出错");
        }
        if (!AlipaySimulator.APP_ID.equals(params.get("app_id"))) {
            return error("40002", "isv.invalid-app-id", "无效的AppID参数");
        }
        for (String name : new String[] {"timestamp", "version", "charset", "format"}) {
            if (params.get(name) == null) {
                return error("40001", "isv.missing-" + name, "缺少" + name);
            }
        }
        return null;
    }

    private ResponseDefinition respond(String root, ObjectNode answer) {
        String inner = answer.toString();
        String sign = forgeNextAnswer ? simulator.forgedSign(inner) : simulator.alipaySign(inner);
        forgeNextAnswer = false;
        long delay = delayNextMillis;
        delayNextMillis = 0;
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(200)
                .withHeader("Content-Type", "text/html;charset=utf-8")
                .withBody("{\"" + root + "\":" + inner + ",\"sign\":\"" + sign + "\"}")
                .withFixedDelay((int) delay)
                .build();
    }

    static ObjectNode ok() {
        return JSON.createObjectNode().put("code", "10000").put("msg", "Success");
    }

    static ObjectNode error(String code, String subCode, String subMsg) {
        String msg = "40004".equals(code) ? "Business Failed" : "Invalid Arguments";
        return JSON.createObjectNode()
                .put("code", code)
                .put("msg", msg)
                .put("sub_code", subCode)
                .put("sub_msg", subMsg);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Fen of a yuan amount, or -1 when it is not one with at most two decimals. */
    static long fen(String yuan) {
        try {
            return new BigDecimal(yuan).movePointRight(2).longValueExact();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static Map<String, String> form(String text) {
        Map<String, String> params = new HashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static JsonNode biz(Map<String, String> params) {
        try {
            return JSON.readTree(params.getOrDefault("biz_content", "{}"));
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
