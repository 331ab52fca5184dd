package org.originlive.live;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.ProblemException;
import org.originlive.common.Role;
import org.originlive.order.SaleOrderTotals;
import org.originlive.sale.SaleQueries;

/** A sale's numbers for its host: paid orders from the database, audience from the rooms. */
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
            long peakViewers) {}

    private final SaleQueries sales;
    private final SaleOrderTotals orders;
    private final SaleRooms rooms;
    private final AudiencePeaks peaks;

    SaleStats(SaleQueries sales, SaleOrderTotals orders, SaleRooms rooms, AudiencePeaks peaks) {
        this.sales = sales;
        this.orders = orders;
        this.rooms = rooms;
        this.peaks = peaks;
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
                        .unis(orders.of(saleId), peaks.peak(saleId))
                        .with((totals, peak) -> {
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
                                    Math.max(peak, viewers));
                        }));
    }
}
