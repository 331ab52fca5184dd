package org.originlive.origin;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A member of a cooperative who farms plots; unique by (cooperative, member code). */
@Entity
public class Producer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "cooperative_id", nullable = false)
    public UUID cooperativeId;

    @Column(name = "member_code", nullable = false)
    public String memberCode;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    /** Whether the member's name may be shown in public views of lots. */
    @Column(name = "public_consent", nullable = false)
    public boolean publicConsent;

    @Column(nullable = false)
    public String region;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    OriginApi.Producer view() {
        return new OriginApi.Producer(id, cooperativeId, memberCode, displayName, publicConsent, region);
    }
}
