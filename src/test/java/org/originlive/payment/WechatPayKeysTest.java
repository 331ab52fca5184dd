package org.originlive.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.originlive.payment.WechatPayTrades.await;
import static org.originlive.payment.WechatPayTrades.outTradeNo;
import static org.originlive.payment.WechatPayTrades.trade;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.payment.PaymentGateway.GatewayException;
import org.originlive.payment.PaymentGateway.NoticeRejected;
import org.originlive.support.WechatPaySimulator;

/** WeChat Pay's settings: configured only when complete, and unusable key files stop the start. */
@QuarkusTest
class WechatPayKeysTest {

    @Inject
    WechatPayGateway gateway;

    @Test
    void theTestAppIsConfiguredWithTheSimulator() {
        assertThat(gateway.configured()).isTrue();
        assertThat(gateway.provider()).isEqualTo(Provider.WECHAT_PAY);
        assertThat(gateway.channels()).containsExactlyInAnyOrder(Channel.NATIVE, Channel.H5, Channel.JSAPI);
    }

    @Test
    void withoutSettingsItIsNotConfiguredAndSendsNothing() {
        for (WechatPaySettings settings : new WechatPaySettings[] {
            WechatPaySettings.none(), WechatPaySettings.simulator().withoutAppId()
        }) {
            WechatPayGateway unconfigured = settings.gateway();
            assertThat(unconfigured.configured()).isFalse();
            assertThatThrownBy(() -> await(unconfigured.open(trade(outTradeNo(), Channel.NATIVE))))
                    .isInstanceOfSatisfying(
                            GatewayException.class, e -> assertThat(e.code()).isEqualTo("NOT_CONFIGURED"));
            assertThatThrownBy(() -> unconfigured.verify(Map.of(), "{}")).isInstanceOf(NoticeRejected.class);
        }
    }

    @Test
    void unusableKeysFailTheStartNamingTheSetting() throws Exception {
        Path notPem = Files.writeString(Files.createTempFile("not-a-key", ".pem"), "hello");
        Path garbled = Files.writeString(
                Files.createTempFile("garbled", ".pem"),
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        Map<WechatPaySettings, String> broken = Map.of(
                WechatPaySettings.simulator().withPrivateKey("/nonexistent/apiclient_key.pem"),
                        "ORIGINLIVE_PAYMENTS_WECHAT_PAY_PRIVATE_KEY_LOCATION",
                WechatPaySettings.simulator().withPrivateKey(notPem.toString()),
                        "ORIGINLIVE_PAYMENTS_WECHAT_PAY_PRIVATE_KEY_LOCATION",
                WechatPaySettings.simulator().withPrivateKey(garbled.toString()),
                        "ORIGINLIVE_PAYMENTS_WECHAT_PAY_PRIVATE_KEY_LOCATION",
                WechatPaySettings.simulator().withPublicKey(notPem.toString()),
                        "ORIGINLIVE_PAYMENTS_WECHAT_PAY_PUBLIC_KEY_LOCATION",
                WechatPaySettings.simulator().withApiV3Key("too-short"), "ORIGINLIVE_PAYMENTS_WECHAT_PAY_API_V3_KEY");
        broken.forEach((settings, variable) -> assertThatThrownBy(settings::gateway)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(variable)
                .hasMessageNotContaining(WechatPaySimulator.shared().keys().apiV3Key));
    }
}
