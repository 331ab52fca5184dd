package org.originlive.notify;

import io.smallrye.mutiny.Uni;
import java.util.UUID;
import org.originlive.common.Tx;

/**
 * Web Push to a buyer's registered browsers ({@code push/} implements it): called inside the
 * transaction that causes the notice, so a notice is queued exactly when its cause commits.
 */
public interface BuyerPush {

    /** What a browser shows: already in the buyer's language; {@code url} opens on a click. */
    record Notice(String title, String body, String url, String tag) {}

    /** Queues {@code notice} for each push subscription of {@code userId}; nothing when it has none. */
    Uni<Void> queue(Tx tx, UUID userId, Notice notice);
}
