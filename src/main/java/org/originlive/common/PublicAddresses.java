package org.originlive.common;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Which addresses a request of ours may reach on a third party's behalf (webhook targets, push
 * services): public unicast only. Refused: unspecified, loopback, private (RFC 1918), shared
 * (RFC 6598), link-local, multicast, documentation, benchmarking and reserved IPv4; for IPv6
 * everything outside global unicast {@code 2000::/3}, plus its documentation, Teredo and ORCHID
 * ranges and 6to4 addresses that embed a refused IPv4 address.
 */
public final class PublicAddresses {

    private PublicAddresses() {}

    /** Whether {@code address} is a public unicast address. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? publicV4(b, 0) : publicV6(b);
    }

    private static boolean publicV4(byte[] b, int at) {
        int a0 = b[at] & 0xff;
        int a1 = b[at + 1] & 0xff;
        int a2 = b[at + 2] & 0xff;
        boolean refused = a0 == 0 // "this network"
                || a0 == 10
                || a0 == 127
                || a0 >= 224 // multicast, reserved, broadcast
                || (a0 == 100 && a1 >= 64 && a1 < 128) // shared address space (CGNAT)
                || (a0 == 169 && a1 == 254)
                || (a0 == 172 && a1 >= 16 && a1 < 32)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) // IETF protocol assignments, TEST-NET-1
                || (a0 == 192 && a1 == 88 && a2 == 99) // 6to4 relay anycast
                || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
                || (a0 == 198 && a1 == 51 && a2 == 100) // TEST-NET-2
                || (a0 == 203 && a1 == 0 && a2 == 113); // TEST-NET-3
        return !refused;
    }

    private static boolean publicV6(byte[] b) {
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if ((w0 & 0xe000) != 0x2000) {
            return false; // not global unicast: ULA, mapped/compatible IPv4, NAT64, discard, ...
        }
        if (w0 == 0x2001 && (w1 == 0x0db8 || w1 < 0x0200)) {
            return false; // documentation; Teredo, benchmarking, ORCHID and other IETF assignments
        }
        if (w0 == 0x2002) {
            return publicV4(b, 2); // 6to4 carries an IPv4 address
        }
        return w0 != 0x3fff; // documentation (RFC 9637)
    }
}
