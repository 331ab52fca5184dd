package org.originlive.live;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** How often a sale's replay was watched (each viewer once an hour), for its stats; media counts them. */
public interface ReplayViews {

    Uni<Long> of(UUID saleId);
}
