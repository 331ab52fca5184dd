package org.originlive.payment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * WeChat Pay API v3 settings ({@code ORIGINLIVE_PAYMENTS_WECHAT_PAY_*}). All optional: without the
 * merchant's ids, keys and API v3 key the gateway is not configured and payments with it answer
 * 422 provider-unavailable. Key files are read once at start-up ({@link WechatPayKeys}).
 */
@ConfigMapping(prefix = "originlive.payments.wechat-pay")
public interface WechatPayConfig {

    /** API host ({@code ORIGINLIVE_PAYMENTS_WECHAT_PAY_BASE_URL}); global merchants may use https://apihk.mch.weixin.qq.com. */
    @WithDefault("https://api.mch.weixin.qq.com")
    String baseUrl();

    /** {@code mainland} (/v3/pay/transactions/...) or {@code global} (/v3/global/transactions/..., cross-border). */
    @WithDefault("mainland")
    Mode mode();

    /** Merchant id, {@code mchid} ({@code ORIGINLIVE_PAYMENTS_WECHAT_PAY_MCH_ID}). */
    Optional<String> mchId();

    /** The app id bound to the merchant, {@code appid} ({@code ORIGINLIVE_PAYMENTS_WECHAT_PAY_APP_ID}). */
    Optional<String> appId();

    /** Serial number of the merchant's API certificate, {@code serial_no} of our signatures. */
    Optional<String> merchantSerial();

    /** PEM file of the merchant's private key (PKCS#8 {@code apiclient_key.pem}) that signs our requests. */
    Optional<String> privateKeyLocation();

    /** PEM file of WeChat Pay's public key that verifies its answers and notifications. */
    Optional<String> publicKeyLocation();

    /** Id of WeChat Pay's public key ({@code PUB_KEY_ID_...}), the {@code Wechatpay-Serial} it signs with. */
    Optional<String> publicKeyId();

    /** The 32-byte API v3 key that decrypts notification resources (AEAD_AES_256_GCM). */
    Optional<String> apiV3Key();

    /** Merchant category code sent with global (cross-border) orders, where WeChat Pay requires one. */
    @WithDefault("5999")
    String merchantCategoryCode();

    /** Which of WeChat Pay's APIs the merchant is on. */
    enum Mode {
        MAINLAND,
        GLOBAL
    }
}
