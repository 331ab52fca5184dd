package org.originlive.checkout;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.originlive.common.ProblemException;
import org.originlive.common.Tx;
import org.originlive.order.OrderApi;
import org.originlive.sale.SaleApi;
import org.originlive.sale.SaleQueries;
import org.originlive.sale.SaleStatus;

/**
 * The replay a storefront order says it was bought from: an ENDED sale that featured every
 * product of the order (the strict reading of the contract: one product the sale never showed
 * makes the whole source wrong). ENDED is final and a sale's items never change, so what is
 * read here stays true; no lock is needed.
 */
@ApplicationScoped
class ReplaySources {

    private static final String FIELD = "source.saleId";

    private final SaleQueries sales;

    ReplaySources(SaleQueries sales) {
        this.sales = sales;
    }

    /** Nothing when {@code source} is null or holds; otherwise a 422 naming what is wrong. */
    Uni<Void> check(Tx tx, OrderApi.OrderSource source, Collection<UUID> productIds) {
        if (source == null) {
            return Uni.createFrom().voidItem();
        }
        UUID saleId = source.saleId();
        return sales.find(tx, saleId)
                .map(found -> found.orElseThrow(() -> ProblemException.invalid(FIELD, "no such sale: " + saleId)))
                .invoke(sale -> {
                    if (sale.status() != SaleStatus.ENDED) {
                        throw ProblemException.invalid(
                                FIELD, "only an ENDED sale's replay sells; this sale is " + sale.status());
                    }
                    Set<UUID> featured = sale.items().stream()
                            .map(SaleApi.SaleItemView::productId)
                            .collect(Collectors.toSet());
                    productIds.stream()
                            .filter(p -> !featured.contains(p))
                            .sorted()
                            .findFirst()
                            .ifPresent(p -> {
                                throw ProblemException.invalid(
                                        FIELD,
                                        "the sale did not feature product " + p
                                                + "; every product of the order must have been featured");
                            });
                })
                .replaceWithVoid();
    }
}
