package org.originlive.payout;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.originlive.common.OwnsTables;

/** One payout destination per cooperative; a PUT replaces it. */
@ApplicationScoped
@OwnsTables("payout_destination")
public class DestinationRepository implements PanacheRepositoryBase<PayoutDestination, UUID> {

    /** The cooperative's destination, or null. */
    @WithSession
    Uni<PayoutDestination> of(UUID cooperativeId) {
        return findById(cooperativeId);
    }
}
