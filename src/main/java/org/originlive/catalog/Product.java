package org.originlive.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A cooperative's product with its free stock (stock allocated to sales is not in here). */
@Entity
public class Product extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "cooperative_id", nullable = false)
    public UUID cooperativeId;

    @Column(nullable = false)
    public String sku;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public String unit;

    @Column(name = "price_minor", nullable = false)
    public long priceMinor;

    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;

    @Column(nullable = false)
    public int stock;

    /** The language name and description are written in; translations are into other languages. */
    @Column(name = "source_lang", nullable = false)
    public String sourceLang;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProductStatus status;

    /** Bumped by every stock change, also by the SQL that allocates stock to sales. */
    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
