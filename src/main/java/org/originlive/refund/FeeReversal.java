package org.originlive.refund;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The fee given back with a refund, cumulative per fulfilment so reversals never exceed its fee
 * and a full refund reverses all of it: {@code halfUp(fee × refunded / gross) − reversed}, where
 * {@code refunded} includes this refund.
 */
final class FeeReversal {

    private FeeReversal() {}

    static long of(long grossMinor, long feeMinor, long refundedBeforeMinor, long feeReversedMinor, long amountMinor) {
        if (grossMinor == 0) {
            return 0;
        }
        long refunded = Math.addExact(refundedBeforeMinor, amountMinor);
        long due = BigDecimal.valueOf(feeMinor)
                .multiply(BigDecimal.valueOf(refunded))
                .divide(BigDecimal.valueOf(grossMinor), 0, RoundingMode.HALF_UP)
                .longValueExact();
        return due - feeReversedMinor;
    }
}
