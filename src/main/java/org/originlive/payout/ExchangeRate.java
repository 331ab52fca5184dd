package org.originlive.payout;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** An admin-set FX rate, one per (from, to) currency pair. */
@Entity
@Table(name = "fx_rate")
@IdClass(ExchangeRate.Pair.class)
public class ExchangeRate extends PanacheEntityBase {

    @Id
    @Column(name = "from_currency", columnDefinition = "char(3)")
    public String fromCurrency;

    @Id
    @Column(name = "to_currency", columnDefinition = "char(3)")
    public String toCurrency;

    @Column(nullable = false, precision = 20, scale = 8)
    public BigDecimal rate;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    PayoutApi.FxRate view() {
        return new PayoutApi.FxRate(
                fromCurrency, toCurrency, rate.stripTrailingZeros().toPlainString(), updatedAt);
    }

    /** The key: a currency pair. */
    public static class Pair implements Serializable {

        public String fromCurrency;
        public String toCurrency;

        public Pair() {}

        Pair(String fromCurrency, String toCurrency) {
            this.fromCurrency = fromCurrency;
            this.toCurrency = toCurrency;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && fromCurrency.equals(p.fromCurrency) && toCurrency.equals(p.toCurrency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fromCurrency, toCurrency);
        }
    }
}
