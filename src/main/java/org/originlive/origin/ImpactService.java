package org.originlive.origin;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.ProblemException;

/**
 * What a live sale delivered to origin: units and money per cooperative from the features that
 * own them ({@link SaleProceeds}), the producers and hectares behind its lines from origin's own
 * lots. Two steps, six queries whatever the sale's size.
 */
@ApplicationScoped
public class ImpactService {

    private final SaleProceeds proceeds;
    private final ImpactRepository impact;

    ImpactService(SaleProceeds proceeds, ImpactRepository impact) {
        this.proceeds = proceeds;
        this.impact = impact;
    }

    public Uni<OriginApi.Impact> impact(UUID saleId) {
        return proceeds.of(saleId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Sale", saleId)))
                .flatMap(sale -> impact.behind(cooperativeOfLine(sale)).map(behind -> total(saleId, sale, behind)));
    }

    private static Map<UUID, UUID> cooperativeOfLine(SaleProceeds.Proceeds sale) {
        Map<UUID, UUID> lines = new HashMap<>();
        sale.cooperatives().forEach(c -> c.lineIds().forEach(line -> lines.put(line, c.cooperativeId())));
        return lines;
    }

    private static OriginApi.Impact total(
            UUID saleId, SaleProceeds.Proceeds sale, Map<UUID, ImpactRepository.Behind> behind) {
        long units = 0, gross = 0, fee = 0, net = 0, refunded = 0;
        for (var c : sale.cooperatives()) {
            units += c.units();
            gross += c.grossMinor();
            fee += c.feeMinor();
            net += c.netMinor();
            refunded += c.refundedMinor();
        }
        List<OriginApi.ImpactCooperative> cooperatives = sale.cooperatives().stream()
                .map(c -> view(c, behind.getOrDefault(c.cooperativeId(), ImpactRepository.Behind.NONE)))
                .toList();
        return new OriginApi.Impact(saleId, sale.currency(), units, gross, fee, net, refunded, cooperatives);
    }

    private static OriginApi.ImpactCooperative view(SaleProceeds.CooperativeProceeds c, ImpactRepository.Behind b) {
        return new OriginApi.ImpactCooperative(
                c.cooperativeId(),
                c.name(),
                c.country(),
                c.units(),
                c.netMinor(),
                b.producers(),
                PlotRepository.plain(b.hectares()));
    }
}
