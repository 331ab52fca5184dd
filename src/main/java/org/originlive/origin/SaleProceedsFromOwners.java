package org.originlive.origin;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.originlive.common.Transactions;
import org.originlive.cooperative.Cooperative;
import org.originlive.cooperative.CooperativeService;
import org.originlive.fulfillment.FulfillmentShares;
import org.originlive.order.SaleOrderTotals;
import org.originlive.sale.SaleFacts;
import org.originlive.sale.SaleQueries;

/**
 * Origin's view of a sale's money, asked of its owners through their services: the sale (currency, cooperatives), the
 * cooperatives (names), this feature's counted lines and fulfilment's shares. Five queries.
 */
@ApplicationScoped
class SaleProceedsFromOwners implements SaleProceeds {

    private record Share(UUID orderId, UUID cooperativeId) {}

    private final Transactions transactions;
    private final SaleQueries sales;
    private final CooperativeService cooperatives;
    private final SaleOrderTotals orders;
    private final FulfillmentShares shares;

    SaleProceedsFromOwners(
            Transactions transactions,
            SaleQueries sales,
            CooperativeService cooperatives,
            SaleOrderTotals orders,
            FulfillmentShares shares) {
        this.transactions = transactions;
        this.sales = sales;
        this.cooperatives = cooperatives;
        this.orders = orders;
        this.shares = shares;
    }

    @Override
    public Uni<Optional<Proceeds>> of(UUID saleId) {
        return sales.facts(transactions.autoCommit(), saleId)
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().item(Optional.<Proceeds>empty())
                        : proceeds(found.get()).map(Optional::of));
    }

    private Uni<Proceeds> proceeds(SaleFacts sale) {
        return sales.cooperatives(sale.id())
                .flatMap(cooperatives::byIds)
                .flatMap(offering -> orders.countedLines(sale.id()).flatMap(lines -> shares.ofOrders(lines.stream()
                                .map(SaleOrderTotals.CountedLine::orderId)
                                .distinct()
                                .toList())
                        .map(counted -> new Proceeds(sale.currency(), perCooperative(offering, lines, counted)))));
    }

    private static List<CooperativeProceeds> perCooperative(
            List<Cooperative> offering,
            List<SaleOrderTotals.CountedLine> lines,
            List<FulfillmentShares.Share> counted) {
        Map<UUID, long[]> money = new HashMap<>();
        for (FulfillmentShares.Share s : counted) {
            long[] m = money.computeIfAbsent(s.cooperativeId(), id -> new long[4]);
            m[0] += s.grossMinor();
            m[1] += s.feeMinor();
            m[2] += s.netMinor();
            m[3] += s.refundedMinor();
        }
        Set<Share> countedShares = counted.stream()
                .map(s -> new Share(s.orderId(), s.cooperativeId()))
                .collect(Collectors.toSet());
        Map<UUID, List<SaleOrderTotals.CountedLine>> linesOf = lines.stream()
                .filter(l -> countedShares.contains(new Share(l.orderId(), l.cooperativeId())))
                .collect(Collectors.groupingBy(SaleOrderTotals.CountedLine::cooperativeId));
        List<CooperativeProceeds> list = new ArrayList<>();
        for (Cooperative c : offering) {
            long[] m = money.getOrDefault(c.id, new long[4]);
            List<SaleOrderTotals.CountedLine> own = linesOf.getOrDefault(c.id, List.of());
            long units =
                    own.stream().mapToLong(SaleOrderTotals.CountedLine::units).sum();
            List<UUID> lineIds =
                    own.stream().map(SaleOrderTotals.CountedLine::id).toList();
            list.add(new CooperativeProceeds(c.id, c.name, c.country, units, m[0], m[1], m[2], m[3], lineIds));
        }
        return list;
    }
}
