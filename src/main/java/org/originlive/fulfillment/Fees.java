package org.originlive.fulfillment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place fees are computed: per fulfilment, {@code fee = gross × percent / 100} rounded
 * half up to a whole minor unit, and {@code net = gross − fee}.
 */
@ApplicationScoped
public class Fees {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal percent;

    @Inject
    Fees(FeeConfig config) {
        this(config.platformPercent());
    }

    Fees(BigDecimal percent) {
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("originlive.fees.platform-percent must be within 0..100");
        }
        this.percent = percent;
    }

    public long feeMinor(long grossMinor) {
        return BigDecimal.valueOf(grossMinor)
                .multiply(percent)
                .divide(HUNDRED, 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
