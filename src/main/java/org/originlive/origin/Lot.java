package org.originlive.origin;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A product's harvest lot; unique by (cooperative, lot code). Its inputs are {@link LotInput} rows. */
@Entity
public class Lot extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "cooperative_id", nullable = false)
    public UUID cooperativeId;

    @Column(name = "product_id", nullable = false)
    public UUID productId;

    @Column(name = "lot_code", nullable = false)
    public String lotCode;

    public String process;

    @Column(name = "harvest_from", nullable = false)
    public LocalDate harvestFrom;

    @Column(name = "harvest_to", nullable = false)
    public LocalDate harvestTo;

    @Column(name = "quantity_kg", nullable = false, precision = 12, scale = 3)
    public BigDecimal quantityKg;

    @Column(nullable = false, columnDefinition = "text[]")
    public String[] certifications;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    OriginApi.Lot view(List<LotInput> inputs) {
        return new OriginApi.Lot(
                id,
                cooperativeId,
                productId,
                lotCode,
                process,
                harvestFrom,
                harvestTo,
                PlotRepository.plain(quantityKg),
                List.of(certifications),
                inputs.stream().map(LotInput::view).toList(),
                createdAt);
    }
}
