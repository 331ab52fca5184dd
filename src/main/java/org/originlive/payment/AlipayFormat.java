package org.originlive.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** How Alipay writes amounts (yuan, two decimals), times (Beijing time) and the fields it restricts. */
final class AlipayFormat {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern OUT_TRADE_NO = Pattern.compile("[A-Za-z0-9_]{1,64}");
    /** Alipay refuses a subject with these; everything else passes. */
    private static final Pattern RESERVED = Pattern.compile("[/=&\\p{Cntrl}]");

    private static final int SUBJECT_MAX = 256;
    private static final String SUBJECT_FALLBACK = "Origin Live order";

    private AlipayFormat() {}

    /** Fen to the yuan string Alipay wants: 1 → "0.01", 123456 → "1234.56". */
    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** Alipay's yuan amount in fen; more than two decimals is not an amount of CNY. */
    static long fen(String yuan) {
        return new BigDecimal(yuan.trim()).movePointRight(2).longValueExact();
    }

    /** An instant as Alipay writes times: {@code yyyy-MM-dd HH:mm:ss} in Beijing time. */
    static String time(Instant instant) {
        return TIME.format(instant.atZone(SHANGHAI));
    }

    /** A time as Alipay writes it, read as an instant. */
    static Instant instant(String shanghai) {
        return LocalDateTime.parse(shanghai.trim(), TIME).atZone(SHANGHAI).toInstant();
    }

    /** Letters, digits and underscores, at most 64: what every channel of Alipay accepts. */
    static boolean validOutTradeNo(String outTradeNo) {
        return outTradeNo != null && OUT_TRADE_NO.matcher(outTradeNo).matches();
    }

    /** The description as a subject: without {@code / = &} or control characters, at most 256 characters. */
    static String subject(String description) {
        String clean = description == null
                ? ""
                : RESERVED.matcher(description)
                        .replaceAll(" ")
                        .replaceAll("\\s+", " ")
                        .trim();
        if (clean.isEmpty()) {
            return SUBJECT_FALLBACK;
        }
        if (clean.codePointCount(0, clean.length()) <= SUBJECT_MAX) {
            return clean;
        }
        return clean.substring(0, clean.offsetByCodePoints(0, SUBJECT_MAX)).trim();
    }
}
