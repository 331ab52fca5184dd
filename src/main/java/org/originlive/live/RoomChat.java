package org.originlive.live;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/**
 * The chat as the live rooms see it: its own NOTIFY channel on the replica's LISTEN connection and
 * its part of every snapshot. Implemented in chat/, which sends its frames back through
 * {@link SaleRooms#queueFrame}, so live/ never depends on chat/.
 */
public interface RoomChat {

    /** The snapshot's chat fields: latest VISIBLE messages, the pinned one (or null), reaction totals. */
    record Snapshot(List<?> chat, Object pinnedMessage, Object reactions) {}

    String channel();

    /** Called on the LISTEN connection's event loop: must not block. */
    void onNotify(String payload);

    Uni<Snapshot> snapshot(UUID saleId);
}
