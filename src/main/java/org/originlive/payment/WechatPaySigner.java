package org.originlive.payment;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Signs every request as WeChat Pay API v3 asks: {@code Authorization: WECHATPAY2-SHA256-RSA2048
 * mchid,nonce_str,signature,timestamp,serial_no} over {@code METHOD\nPATH?QUERY\ntimestamp\nnonce\nbody\n},
 * taken from the request as it leaves (path and query exactly as encoded, body exactly as sent).
 * Also names the WeChat Pay key we verify with ({@code Wechatpay-Serial}), as the SDK does.
 */
final class WechatPaySigner implements ClientRequestFilter {

    static final String SCHEME = "WECHATPAY2-SHA256-RSA2048";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WechatPayKeys keys;
    private final Clock clock;

    WechatPaySigner(WechatPayKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public void filter(ClientRequestContext request) {
        URI uri = request.getUri();
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Object entity = request.getEntity();
        String body = entity == null ? "" : entity.toString();
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, authorization(request.getMethod(), target, body));
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        request.getHeaders().putSingle(WechatPayVerifier.SERIAL, keys.publicKeyId);
    }

    /** The Authorization header value for one request. */
    String authorization(String method, String target, String body) {
        String nonce = nonce();
        long timestamp = clock.instant().getEpochSecond();
        String message = method + "\n" + target + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n";
        return SCHEME + " mchid=\"" + keys.mchId + "\",nonce_str=\"" + nonce + "\",signature=\"" + keys.sign(message)
                + "\",timestamp=\"" + timestamp + "\",serial_no=\"" + keys.merchantSerial + "\"";
    }

    /** 32 random hex characters, as the SDK's nonces. */
    static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toUpperCase();
    }
}
