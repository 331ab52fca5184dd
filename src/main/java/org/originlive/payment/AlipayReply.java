package org.originlive.payment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.originlive.payment.PaymentGateway.GatewayException;

/**
 * Alipay's answer to one call: the {@code <method>_response} object, read only after its signature
 * verified. Alipay signs the exact text of that object as it appears in the body (the official SDK
 * cuts it out of the body the same way); the body is JSON whatever its content type says.
 */
record AlipayReply(String code, String subCode, String subMsg, JsonNode body) {

    static final String OK = "10000";
    /** Business failures ({@code 40004}) carry a sub_code that says what the trade is. */
    static final String BUSINESS_FAILED = "40004";

    private static final String ERROR_ROOT = "error_response";
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    boolean ok() {
        return OK.equals(code);
    }

    boolean is(String... subCodes) {
        for (String candidate : subCodes) {
            if (candidate.equals(subCode)) {
                return true;
            }
        }
        return false;
    }

    /** A field of the answer, or null when absent or empty. */
    String text(String field) {
        return text(body, field);
    }

    /** A system error or an unavailable service: Alipay may or may not have acted on the call. */
    boolean outcomeUnknown() {
        return "20000".equals(code) || (subCode != null && subCode.endsWith("SYSTEM_ERROR"));
    }

    /** A business answer about the trade itself (40004), not a failure of the call. */
    boolean refused() {
        return BUSINESS_FAILED.equals(code) && !outcomeUnknown();
    }

    /** The answer as a failure: {@code unreachable} when its outcome is unknown. */
    GatewayException failure(String method) {
        return new GatewayException(
                subCode != null ? subCode : code,
                "Alipay " + method + " answered " + code + " " + subCode + " (" + subMsg + ")",
                outcomeUnknown(),
                null);
    }

    /** The verified answer of {@code method}; a signature that does not verify is never read. */
    static AlipayReply read(AlipayKeys keys, String method, int status, String body) {
        if (status >= 500) {
            throw unknown(method, "HTTP " + status);
        }
        JsonNode root = parse(body);
        String name = method.replace('.', '_') + "_response";
        String rootName = root != null && root.has(name) ? name : ERROR_ROOT;
        JsonNode node = root == null ? null : root.get(rootName);
        if (node == null || !node.isObject()) {
            throw unknown(method, "HTTP " + status + " without " + name);
        }
        AlipayReply reply = new AlipayReply(text(node, "code"), text(node, "sub_code"), text(node, "sub_msg"), node);
        String sign = text(root, "sign");
        boolean mustBeSigned = reply.ok() || BUSINESS_FAILED.equals(reply.code());
        if ((sign != null || mustBeSigned) && !verified(keys, source(body, rootName), sign)) {
            throw new GatewayException(
                    "invalid-signature", "Alipay " + method + ": the answer's signature does not verify", false, null);
        }
        return reply;
    }

    /** The exact text of the object under {@code name}; null when absent, malformed or given twice. */
    static String source(String body, String name) {
        String key = "\"" + name + "\"";
        int at = body.indexOf(key);
        if (at < 0) {
            return null;
        }
        int colon = skipSpace(body, at + key.length());
        if (colon >= body.length() || body.charAt(colon) != ':') {
            return null;
        }
        int start = skipSpace(body, colon + 1);
        int end = objectEnd(body, start);
        return end < 0 || body.indexOf(key, end) >= 0 ? null : body.substring(start, end);
    }

    private static boolean verified(AlipayKeys keys, String source, String sign) {
        if (source == null || sign == null) {
            return false;
        }
        // As the SDK does: Alipay may have signed the text before JSON escaped its slashes.
        return keys.verify(source, sign) || (source.contains("\\/") && keys.verify(source.replace("\\/", "/"), sign));
    }

    private static int objectEnd(String s, int start) {
        if (start >= s.length() || s.charAt(start) != '{') {
            return -1;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode root = body == null ? null : JSON.readTree(body);
            return root != null && root.isObject() ? root : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static GatewayException unknown(String method, String what) {
        return new GatewayException("invalid-answer", "Alipay " + method + " answered " + what, true, null);
    }
}
