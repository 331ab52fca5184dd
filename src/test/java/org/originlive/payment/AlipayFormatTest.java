package org.originlive.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Yuan and fen, Beijing time, and the fields Alipay restricts. */
class AlipayFormatTest {

    @Test
    void fenBecomeYuanWithTwoDecimalsAndBack() {
        assertThat(AlipayFormat.yuan(1)).isEqualTo("0.01");
        assertThat(AlipayFormat.yuan(100)).isEqualTo("1.00");
        assertThat(AlipayFormat.yuan(123456)).isEqualTo("1234.56");
        assertThat(AlipayFormat.fen("0.01")).isEqualTo(1);
        assertThat(AlipayFormat.fen("1234.56")).isEqualTo(123456);
        assertThat(AlipayFormat.fen("12.3")).isEqualTo(1230);
        assertThat(AlipayFormat.fen("88")).isEqualTo(8800);
        assertThatThrownBy(() -> AlipayFormat.fen("0.001")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void timesAreBeijingTime() {
        assertThat(AlipayFormat.time(Instant.parse("2030-01-01T16:30:00Z"))).isEqualTo("2030-01-02 00:30:00");
        assertThat(AlipayFormat.instant("2030-01-02 00:30:00")).isEqualTo(Instant.parse("2030-01-01T16:30:00Z"));
    }

    @Test
    void subjectsLoseWhatAlipayRefuses() {
        assertThat(AlipayFormat.subject("Tea / 2 = one & more")).isEqualTo("Tea 2 one more");
        assertThat(AlipayFormat.subject("a/b=c&d\ne")).isEqualTo("a b c d e");
        assertThat(AlipayFormat.subject("云南 普洱茶")).isEqualTo("云南 普洱茶");
        assertThat(AlipayFormat.subject("  ")).isEqualTo("Origin Live order");
        assertThat(AlipayFormat.subject(null)).isEqualTo("Origin Live order");
        String longOne = "茶".repeat(300);
        assertThat(AlipayFormat.subject(longOne)).hasSize(256);
        String emoji = "🍵".repeat(300);
        String cut = AlipayFormat.subject(emoji);
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(256);
    }

    @Test
    void outTradeNosAreLettersDigitsAndUnderscores() {
        assertThat(AlipayFormat.validOutTradeNo("0123456789abcdef0123456789abcdef"))
                .isTrue();
        assertThat(AlipayFormat.validOutTradeNo("order_1")).isTrue();
        assertThat(AlipayFormat.validOutTradeNo("order-1")).isFalse();
        assertThat(AlipayFormat.validOutTradeNo("x".repeat(65))).isFalse();
        assertThat(AlipayFormat.validOutTradeNo(null)).isFalse();
    }

    @Test
    void theSignedTextOfAnAnswerIsCutOutOfTheBodyAsItIs() {
        String body =
                "{\"alipay_trade_query_response\" : {\"code\":\"10000\",\"msg\":\"a } \\\" {\",\"x\":{\"y\":1}},\"sign\":\"s\"}";
        assertThat(AlipayReply.source(body, "alipay_trade_query_response"))
                .isEqualTo("{\"code\":\"10000\",\"msg\":\"a } \\\" {\",\"x\":{\"y\":1}}");
        String twice = "{\"r\":{\"a\":1},\"sign\":\"s\",\"r\":{\"a\":2}}";
        assertThat(AlipayReply.source(twice, "r")).isNull();
        assertThat(AlipayReply.source("{\"other\":{}}", "r")).isNull();
    }
}
