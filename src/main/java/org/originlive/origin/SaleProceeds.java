package org.originlive.origin;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a sale's counted orders brought each of its cooperatives: the fulfilments of its PAID and
 * PARTIALLY_REFUNDED orders that were not cancelled. The order feature implements it from the
 * sale, order and fulfilment owners, so {@code origin} reads none of their tables and depends on
 * none of them.
 */
public interface SaleProceeds {

    /** Empty when there is no such sale. */
    Uni<Optional<Proceeds>> of(UUID saleId);

    /** The sale's currency and each cooperative it offers products of, by name, then id. */
    record Proceeds(String currency, List<CooperativeProceeds> cooperatives) {}

    /**
     * One cooperative: units sold less refunded ones, gross as sold, fee kept, net left after
     * refunds, refunded money; and the counted order lines (zero of everything when none).
     */
    record CooperativeProceeds(
            UUID cooperativeId,
            String name,
            String country,
            long units,
            long grossMinor,
            long feeMinor,
            long netMinor,
            long refundedMinor,
            List<UUID> lineIds) {}
}
