package org.originlive.payment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Alipay Open Platform, public-key mode with RSA2 ({@code ORIGINLIVE_PAYMENTS_ALIPAY_*}). Without an
 * app id and both key files Alipay is not configured: payments with it answer 422 provider-unavailable.
 */
@ConfigMapping(prefix = "originlive.payments.alipay")
public interface AlipayConfig {

    /** The Open Platform gateway every call and every buyer redirect goes to. */
    @WithDefault("https://openapi.alipay.com/gateway.do")
    String gatewayUrl();

    /** The app's id on the Open Platform ({@code app_id} of every request and notification). */
    Optional<String> appId();

    /** PEM file of the app's RSA private key (PKCS#8, or its bare base64 as Alipay's key tool writes it). */
    Optional<String> privateKeyLocation();

    /** PEM file of Alipay's RSA public key (not a certificate): verifies answers and notifications. */
    Optional<String> publicKeyLocation();

    /** The seller's Alipay user id (2088…); when set, trades are opened for it and other sellers' notifications refused. */
    Optional<String> sellerId();
}
