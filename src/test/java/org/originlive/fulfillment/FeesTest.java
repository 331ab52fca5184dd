package org.originlive.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FeesTest {

    @Test
    void fivePercentRoundsHalfUpToAWholeMinorUnit() {
        Fees fees = new Fees(BigDecimal.valueOf(5));
        assertThat(fees.feeMinor(10_000)).isEqualTo(500);
        assertThat(fees.feeMinor(10)).isEqualTo(1); // 0.5 → 1
        assertThat(fees.feeMinor(9)).isEqualTo(0); // 0.45 → 0
        assertThat(fees.feeMinor(30)).isEqualTo(2); // 1.5 → 2
        assertThat(fees.feeMinor(29)).isEqualTo(1); // 1.45 → 1
        assertThat(fees.feeMinor(0)).isEqualTo(0);
    }

    @Test
    void fractionalPercentsWork() {
        Fees fees = new Fees(new BigDecimal("2.5"));
        assertThat(fees.feeMinor(4900)).isEqualTo(123); // 122.5 → 123
        assertThat(fees.feeMinor(100)).isEqualTo(3); // 2.5 → 3
    }

    @Test
    void aPercentOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> new Fees(BigDecimal.valueOf(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fees(BigDecimal.valueOf(101))).isInstanceOf(IllegalArgumentException.class);
    }
}
