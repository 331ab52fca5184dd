package org.originlive.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.originlive.payment.WechatPayConfig.Mode;
import org.originlive.support.WechatPaySimulator;

/** Hand-made WeChat Pay settings, for gateways built in a test beside the app's own. */
record WechatPaySettings(
        String baseUrl,
        Mode mode,
        Optional<String> mchId,
        Optional<String> appId,
        Optional<String> merchantSerial,
        Optional<String> privateKeyLocation,
        Optional<String> publicKeyLocation,
        Optional<String> publicKeyId,
        Optional<String> apiV3Key,
        String merchantCategoryCode)
        implements WechatPayConfig {

    /** Nothing set: not configured. */
    static WechatPaySettings none() {
        return new WechatPaySettings(
                "https://api.mch.weixin.qq.com",
                Mode.MAINLAND,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "5999");
    }

    /** The settings the test app runs with: the shared simulator's. */
    static WechatPaySettings simulator() {
        WechatPaySimulator simulator = WechatPaySimulator.shared();
        return new WechatPaySettings(
                simulator.baseUrl(),
                Mode.MAINLAND,
                Optional.of(WechatPaySimulator.MCH_ID),
                Optional.of(WechatPaySimulator.APP_ID),
                Optional.of(WechatPaySimulator.MERCHANT_SERIAL),
                Optional.of(simulator.keys().merchantKeyFile.toString()),
                Optional.of(simulator.keys().platformPublicKeyFile.toString()),
                Optional.of(WechatPaySimulator.PUBLIC_KEY_ID),
                Optional.of(simulator.keys().apiV3Key),
                "5999");
    }

    WechatPaySettings withMode(Mode mode) {
        return new WechatPaySettings(
                baseUrl,
                mode,
                mchId,
                appId,
                merchantSerial,
                privateKeyLocation,
                publicKeyLocation,
                publicKeyId,
                apiV3Key,
                merchantCategoryCode);
    }

    WechatPaySettings withPrivateKey(String location) {
        return new WechatPaySettings(
                baseUrl,
                mode,
                mchId,
                appId,
                merchantSerial,
                Optional.of(location),
                publicKeyLocation,
                publicKeyId,
                apiV3Key,
                merchantCategoryCode);
    }

    WechatPaySettings withPublicKey(String location) {
        return new WechatPaySettings(
                baseUrl,
                mode,
                mchId,
                appId,
                merchantSerial,
                privateKeyLocation,
                Optional.of(location),
                publicKeyId,
                apiV3Key,
                merchantCategoryCode);
    }

    WechatPaySettings withApiV3Key(String key) {
        return new WechatPaySettings(
                baseUrl,
                mode,
                mchId,
                appId,
                merchantSerial,
                privateKeyLocation,
                publicKeyLocation,
                publicKeyId,
                Optional.of(key),
                merchantCategoryCode);
    }

    WechatPaySettings withoutAppId() {
        return new WechatPaySettings(
                baseUrl,
                mode,
                mchId,
                Optional.empty(),
                merchantSerial,
                privateKeyLocation,
                publicKeyLocation,
                publicKeyId,
                apiV3Key,
                merchantCategoryCode);
    }

    /** A gateway of its own with these settings and the test timeout. */
    WechatPayGateway gateway() {
        return new WechatPayGateway(this, Clock.systemUTC(), Duration.ofSeconds(2));
    }
}
