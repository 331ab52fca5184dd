package org.originlive.payout;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Where a cooperative is paid: one row per cooperative, replaced by each PUT. */
@Entity
@Table(name = "payout_destination")
public class PayoutDestination extends PanacheEntityBase {

    @Id
    @Column(name = "cooperative_id")
    public UUID cooperativeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Provider provider;

    @Column(name = "account_name", nullable = false)
    public String accountName;

    @Column(name = "account_number", nullable = false)
    public String accountNumber;

    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    PayoutApi.Destination view() {
        return new PayoutApi.Destination(cooperativeId, provider, accountName, accountNumber, currency, updatedAt);
    }
}
