package org.originlive.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.payment.PaymentGateway.Trade;
import org.originlive.payment.PaymentGateway.TradeStatus;
import org.originlive.support.AlipaySimulator;

/** The app as deployed: the gateway bean built from the simulator's settings, as the end-to-end tests will use it. */
@QuarkusTest
@TestProfile(AlipayWiringTest.WithAlipay.class)
class AlipayWiringTest {

    public static class WithAlipay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A short hold, so that a test sees a pending payment closed before its order expires.
            Map<String, String> settings =
                    new java.util.HashMap<>(AlipaySimulator.shared().settings());
            settings.put("originlive.orders.reservation-hold", "15s");
            return settings;
        }
    }

    @Inject
    AlipayGateway gateway;

    @Test
    void theSettingsMakeAWorkingGateway() {
        AlipaySimulator alipay = AlipaySimulator.shared();
        String out = UUID.randomUUID().toString().replace("-", "");
        Trade trade = new Trade(
                out, Channel.NATIVE, 990, "CNY", "Coffee", Instant.now().plusSeconds(900), null, null, null);

        assertThat(gateway.configured()).isTrue();
        assertThat(gateway.open(trade).await().atMost(Duration.ofSeconds(10)).type())
                .isEqualTo("QR");
        alipay.pay(out);
        assertThat(gateway.query(out).await().atMost(Duration.ofSeconds(10)).status())
                .isEqualTo(TradeStatus.PAID);
        assertThat(gateway.verify(Map.of(), alipay.paidNotification(out))
                        .trade()
                        .amountMinor())
                .isEqualTo(990);
    }
}
