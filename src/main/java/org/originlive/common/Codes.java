package org.originlive.common;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/** ISO code checks shared by cooperatives, products and sales. */
public final class Codes {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Codes() {}

    public static void requireCountry(String field, String code) {
        if (!COUNTRIES.contains(code)) {
            throw ProblemException.invalid(field, "must be an ISO 3166-1 alpha-2 country code");
        }
    }

    public static void requireCurrency(String field, String code) {
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalid(field, "must be an ISO 4217 currency code");
        }
    }
}
