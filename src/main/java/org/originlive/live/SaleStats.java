package org.originlive.live;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.originlive.common.Caller;
import org.originlive.common.ProblemException;
import org.originlive.common.Role;
import org.originlive.order.SaleOrderTotals;
import org.originlive.sale.SaleQueries;

/**
 * A sale's numbers for its host: paid orders from the database, audience from the rooms, and
 * what its replay did afterwards (orders bought from it, views counted by media).
 */
@ApplicationScoped
public class SaleStats {

    /** Counts only, never a buyer's identity. */
    public record Stats(
            long orders,
            long unitsSold,
            long grossMinor,
            String currency,
            long ordersLastMinute,
            long viewers,
            long peakViewers,
            @Schema(description = "Paid storefront orders bought from the sale's replay; not in the live figures")
                    long replayOrders,
            @Schema(description = "Views of the sale's replay, each viewer counted once an hour") long replayViews) {}

    private final SaleQueries sales;
    private final SaleOrderTotals orders;
    private final SaleRooms rooms;
    private final AudiencePeaks peaks;
    private final ReplayViews replayViews;

    SaleStats(
            SaleQueries sales, SaleOrderTotals orders, SaleRooms rooms, AudiencePeaks peaks, ReplayViews replayViews) {
        this.sales = sales;
        this.orders = orders;
        this.rooms = rooms;
        this.peaks = peaks;
        this.replayViews = replayViews;
    }

    public Uni<Stats> of(Caller caller, UUID saleId) {
        return sales.get(saleId)
                .invoke(sale -> {
                    if (!caller.is(Role.ADMIN) && !sale.hostId().equals(caller.id())) {
                        throw ProblemException.forbidden("Only the sale's host or an admin may see its numbers");
                    }
                })
                .flatMap(sale -> Uni.combine()
                        .all()
                        .unis(
                                orders.of(saleId),
                                peaks.peak(saleId),
                                orders.replayOrders(saleId),
                                replayViews.of(saleId))
                        .with((totals, peak, replayOrders, views) -> {
                            long viewers = rooms.viewers(saleId);
                            // An audience seen here counts towards the peak even if the room closes
                            // before its next once-a-second write.
                            peaks.observe(saleId, viewers);
                            return new Stats(
                                    totals.orders(),
                                    totals.unitsSold(),
                                    totals.grossMinor(),
                                    sale.currency(),
                                    totals.ordersLastMinute(),
                                    viewers,
                                    Math.max(peak, viewers),
                                    replayOrders,
                                    views);
                        }));
    }
}
