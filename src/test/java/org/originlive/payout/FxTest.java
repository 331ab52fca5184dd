package org.originlive.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.originlive.common.ProblemException;

class FxTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency RWF = Currency.getInstance("RWF");
    private static final Currency KES = Currency.getInstance("KES");
    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void twoDecimalsToNoDecimalsRoundsHalfUpToWholeFrancs() {
        // 45.00 CNY × 182.4512 = 8210.304 RWF → 8210
        assertThat(Fx.convert(4500, CNY, RWF, new BigDecimal("182.4512"))).isEqualTo(8210);
        // 0.01 CNY × 150 = 1.5 RWF → 2 (half up)
        assertThat(Fx.convert(1, CNY, RWF, new BigDecimal("150"))).isEqualTo(2);
        // 0.01 CNY × 149.99999999 = 1.4999999999 RWF → 1
        assertThat(Fx.convert(1, CNY, RWF, new BigDecimal("149.99999999"))).isEqualTo(1);
    }

    @Test
    void noDecimalsToTwoDecimalsAndBetweenTwoDecimalCurrencies() {
        // 1000 RWF × 0.00548 = 5.48 CNY
        assertThat(Fx.convert(1000, RWF, CNY, new BigDecimal("0.00548"))).isEqualTo(548);
        // 10.01 CNY × 18.125 = 181.43125 KES → 181.43
        assertThat(Fx.convert(1001, CNY, KES, new BigDecimal("18.125"))).isEqualTo(18143);
        // 0.03 USD × 0.5 = 0.015 → 0.02 (half up, not banker's)
        assertThat(Fx.convert(3, USD, CNY, new BigDecimal("0.5"))).isEqualTo(2);
        // large amounts stay exact: 9,999,999,999.99 CNY × 1.00000001
        assertThat(Fx.convert(999_999_999_999L, CNY, USD, new BigDecimal("1.00000001")))
                .isEqualTo(1_000_000_009_999L);
    }

    @Test
    void exponentsComeFromIso4217() {
        assertThat(Fx.currency("c", "RWF").getDefaultFractionDigits()).isZero();
        assertThat(Fx.currency("c", "ETB").getDefaultFractionDigits()).isEqualTo(2);
        assertThat(Fx.major(150000, RWF)).isEqualTo("150000");
        assertThat(Fx.major(1250, KES)).isEqualTo("12.5");
        assertThat(Fx.major(150000, KES)).isEqualTo("1500");
        assertThat(Fx.minor("12.5", KES)).isEqualTo(1250);
        assertThat(Fx.minor("12.505", KES)).isNull();
        assertThat(Fx.minor("1500", RWF)).isEqualTo(1500);
    }

    @Test
    void badCurrenciesAndRatesAre422() {
        for (String code : new String[] {"XYZ", "rwf", "RW", "XXX", "", "RWFF"}) {
            assertThatThrownBy(() -> Fx.currency("currency", code))
                    .isInstanceOfSatisfying(
                            ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
        }
        for (String rate : new String[] {"0", "-1", "1e3", "1.123456789", "1234567890123", "0.0000000", "abc", " 1"}) {
            assertThatThrownBy(() -> Fx.rate("rate", rate))
                    .as(rate)
                    .isInstanceOfSatisfying(
                            ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
        }
        assertThat(Fx.rate("rate", "182.4512")).isEqualByComparingTo("182.4512");
        assertThat(Fx.rate("rate", "123456789012")).isEqualByComparingTo("123456789012");
        assertThatThrownBy(() -> Fx.rate("rate", "12345678.12345"))
                .isInstanceOf(ProblemException.class); // 13 significant digits
    }
}
