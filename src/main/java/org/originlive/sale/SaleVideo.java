package org.originlive.sale;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.Tx;

/**
 * The sale's own video, kept by the media feature, which implements this: sales know their video
 * only through it, so {@code sale} never depends on {@code media}.
 */
public interface SaleVideo {

    /** The video of each sale (given with its status) as viewers see it. */
    Uni<Map<UUID, SaleApi.Video>> seenBy(Map<UUID, SaleStatus> sales);

    /**
     * Called inside the transaction that moved the sale (its row is locked), after the sale's own
     * events: the video follows the sale (a rehearsal becomes LIVE, a closed sale's video ENDS) and
     * announces that through {@link SaleEvents}.
     */
    Uni<Void> saleMoved(Tx tx, UUID saleId, SaleStatus to, long at);
}
