package org.originlive.cooperative;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A producer cooperative: the origin of products and the receiver of fulfilments. */
@Entity
public class Cooperative extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, columnDefinition = "char(2)")
    public String country;

    @Column(nullable = false)
    public String region;

    @Column(nullable = false)
    public String story;

    /** The language the story is written in; translations are into other languages. */
    @Column(name = "source_lang", nullable = false)
    public String sourceLang;

    @Column(name = "payout_currency", nullable = false, columnDefinition = "char(3)")
    public String payoutCurrency;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
