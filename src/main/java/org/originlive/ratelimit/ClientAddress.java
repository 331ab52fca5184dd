package org.originlive.ratelimit;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.util.HexFormat;

/**
 * The key of address-limited routes: the address Vert.x reports for the request, which Quarkus
 * replaces with the forwarded one only for proxies trusted by {@code quarkus.http.proxy.*}.
 * Headers are never read here.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(HttpServerRequest request) {
        SocketAddress peer = request.remoteAddress();
        if (peer == null) {
            return "unknown";
        }
        String host = peer.hostAddress() != null ? peer.hostAddress() : peer.host();
        return host == null ? "unknown" : normalise(host);
    }

    /**
     * IPv6 clients are keyed by their /64, since one subscriber is given a whole /64 and could
     * otherwise change address per request. Literal parsing only: never a DNS lookup.
     */
    static String normalise(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        byte[] ip = NetUtil.createByteArrayFromIpAddressString(literal);
        if (ip == null) {
            return literal;
        }
        if (ip.length == 4) {
            return NetUtil.bytesToIpAddress(ip);
        }
        if (isIpv4Mapped(ip)) {
            return NetUtil.bytesToIpAddress(ip, 12, 4);
        }
        return HexFormat.of().formatHex(ip, 0, 8) + "::/64";
    }

    private static boolean isIpv4Mapped(byte[] ip) {
        for (int i = 0; i < 10; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
    }
}
