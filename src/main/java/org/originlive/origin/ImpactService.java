package org.originlive.origin;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.originlive.common.ProblemException;

/** What a live sale delivered to origin: units, money and the producers and hectares behind it. */
@ApplicationScoped
public class ImpactService {

    private final ImpactRepository impact;

    ImpactService(ImpactRepository impact) {
        this.impact = impact;
    }

    public Uni<OriginApi.Impact> impact(UUID saleId) {
        return impact.saleCurrency(saleId)
                .map(currency -> currency.orElseThrow(() -> ProblemException.notFound("Sale", saleId)))
                .flatMap(currency -> impact.perCooperative(saleId).map(list -> total(saleId, currency, list)));
    }

    private static OriginApi.Impact total(UUID saleId, String currency, List<ImpactRepository.CooperativeImpact> list) {
        long units = 0, gross = 0, fee = 0, net = 0, refunded = 0;
        for (var c : list) {
            units += c.view().unitsSold();
            gross += c.grossMinor();
            fee += c.feeMinor();
            net += c.view().netMinor();
            refunded += c.refundedMinor();
        }
        return new OriginApi.Impact(
                saleId,
                currency,
                units,
                gross,
                fee,
                net,
                refunded,
                list.stream().map(ImpactRepository.CooperativeImpact::view).toList());
    }
}
