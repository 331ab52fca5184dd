package org.originlive.payment;

/**
 * How the buyer pays with a provider: a QR code to scan ({@code NATIVE}), a phone browser
 * ({@code H5}, {@code WAP}), a desktop page ({@code PAGE}) or inside WeChat ({@code JSAPI}).
 */
public enum Channel {
    NATIVE,
    H5,
    JSAPI,
    PAGE,
    WAP
}
