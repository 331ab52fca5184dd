package org.originlive.payout;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.regex.Pattern;
import org.originlive.common.ProblemException;

/**
 * Currencies and conversion, exact: amounts are minor units with the ISO 4217 exponent (RWF 0,
 * CNY/ETB/KES/USD 2), rates are decimals, and a conversion rounds half up once, to whole minor units.
 */
public final class Fx {

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern RATE = Pattern.compile("\\d{1,12}(\\.\\d{1,8})?");
    private static final int MAX_DIGITS = 12;

    private Fx() {}

    /** The ISO 4217 currency for a code, or 422 naming {@code field}. */
    public static Currency currency(String field, String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemException.invalid(field, "must be an ISO 4217 code of three capital letters");
        }
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) {
                throw ProblemException.invalid(field, code + " is not a currency money can be paid in");
            }
            return currency;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, code + " is not an ISO 4217 currency");
        }
    }

    /** A rate as admins write it: positive, at most 12 significant digits and 8 decimals; else 422. */
    public static BigDecimal rate(String field, String text) {
        if (text == null || !RATE.matcher(text).matches()) {
            throw ProblemException.invalid(field, "must be a decimal string such as \"182.4512\" (at most 8 decimals)");
        }
        BigDecimal rate = new BigDecimal(text);
        if (rate.signum() <= 0) {
            throw ProblemException.invalid(field, "must be positive");
        }
        if (rate.stripTrailingZeros().precision() > MAX_DIGITS) {
            throw ProblemException.invalid(field, "must have at most " + MAX_DIGITS + " significant digits");
        }
        return rate;
    }

    /** {@code amountMinor} of {@code from} in minor units of {@code to}, rounded half up. */
    public static long convert(long amountMinor, Currency from, Currency to, BigDecimal rate) {
        BigDecimal major = BigDecimal.valueOf(amountMinor).movePointLeft(from.getDefaultFractionDigits());
        return major.multiply(rate)
                .movePointRight(to.getDefaultFractionDigits())
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** Minor units as a plain decimal of major units, as providers take amounts ("1500", "12.5"). */
    public static String major(long amountMinor, Currency currency) {
        return BigDecimal.valueOf(amountMinor)
                .movePointLeft(currency.getDefaultFractionDigits())
                .stripTrailingZeros()
                .toPlainString();
    }

    /** A provider's decimal amount of major units back to minor units; null when it is not exact. */
    public static Long minor(String major, Currency currency) {
        try {
            return new BigDecimal(major.trim())
                    .movePointRight(currency.getDefaultFractionDigits())
                    .longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }
}
