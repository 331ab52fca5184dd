package org.originlive.origin;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** One member's contribution to a lot, numbered from 0 in the order the lot listed them. */
@Entity
@Table(name = "lot_input")
@IdClass(LotInput.Key.class)
public class LotInput extends PanacheEntityBase {

    @Id
    @Column(name = "lot_id")
    public UUID lotId;

    @Id
    @Column(name = "input_no")
    public int inputNo;

    @Column(name = "producer_id", nullable = false)
    public UUID producerId;

    /** The plot it grew on, when known. */
    @Column(name = "plot_id")
    public UUID plotId;

    @Column(nullable = false, precision = 12, scale = 3)
    public BigDecimal kg;

    @Column(name = "farmgate_paid_minor", nullable = false)
    public long farmgatePaidMinor;

    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;

    OriginApi.LotInput view() {
        return new OriginApi.LotInput(producerId, plotId, PlotRepository.plain(kg), farmgatePaidMinor, currency);
    }

    /** The key: the lot and the input's number in it. */
    public static class Key implements Serializable {

        public UUID lotId;
        public int inputNo;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && lotId.equals(k.lotId) && inputNo == k.inputNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(lotId, inputNo);
        }
    }
}
