package org.originlive.payment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings shared by every payment provider (contract v3, "Payments in China"). */
@ConfigMapping(prefix = "originlive.payments")
public interface PaymentConfig {

    /** The public base URL providers post notifications to (…/api/payments/callbacks/…). */
    Optional<String> notifyBaseUrl();

    /** How long a provider has to answer one call. */
    @WithDefault("10s")
    Duration timeout();

    /** A PENDING payment is first asked about this long after it opened… */
    @WithDefault("30s")
    Duration queryAfter();

    /** …then with doubling gaps up to this one. */
    @WithDefault("5m")
    Duration queryBackoffMax();

    /** How often the reconciliation round runs. */
    @WithDefault("5s")
    Duration reconcileEvery();

    /** Where a provider posts its notifications (WeChat Pay takes no query string in it). */
    default String notifyUrl(Provider provider) {
        String base = notifyBaseUrl().orElse("http://localhost:8080").replaceAll("/+$", "");
        return base + "/api/payments/callbacks/" + (provider == Provider.ALIPAY ? "alipay" : "wechat-pay");
    }

    /** The built-in SANDBOX provider (demo, development, tests); off in production. */
    @WithDefault("true")
    boolean sandbox();
}
