package org.originlive.sale;

import io.smallrye.mutiny.Uni;
import java.util.UUID;
import org.originlive.common.Tx;

/**
 * Who is told that a sale went LIVE (notify's reminders implement it): called inside the
 * transaction that moved it, so the news is queued exactly when the move commits, and only once
 * (a sale goes LIVE at most once).
 */
public interface SaleStarts {

    Uni<Void> started(Tx tx, UUID saleId);
}
