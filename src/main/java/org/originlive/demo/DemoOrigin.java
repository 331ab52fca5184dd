package org.originlive.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.originlive.catalog.ProductApi;
import org.originlive.catalog.ProductService;
import org.originlive.common.Caller;
import org.originlive.common.PageRequest;
import org.originlive.common.Role;
import org.originlive.cooperative.Cooperative;
import org.originlive.i18n.Lang;
import org.originlive.origin.GeodesicArea;
import org.originlive.origin.LotService;
import org.originlive.origin.OriginApi;
import org.originlive.origin.ProducerService;

/**
 * Members, plots and lots of the demo cooperatives (Sidama in Ethiopia; Huye and Nyamagabe in
 * Rwanda), so a new user sees traces and impact at once. Some members gave public consent.
 */
@ApplicationScoped
class DemoOrigin {

    /** A member's plot: a point (lon, lat, ha) or a polygon of [lon, lat] corners (area computed). */
    record Plot(double[][] corners, double pointHa) {

        static Plot point(double lon, double lat, double ha) {
            return new Plot(new double[][] {{lon, lat}}, ha);
        }

        static Plot polygon(double[]... corners) {
            return new Plot(corners, 0);
        }
    }

    record Member(String code, String name, boolean consent, String region, Plot plot, int kg, long paidMinor) {}

    record Seed(
            String slug,
            String sku,
            String lotCode,
            String process,
            LocalDate from,
            LocalDate to,
            int quantityKg,
            List<String> certifications,
            String currency,
            List<Member> members) {}

    static final List<Seed> SEEDS = List.of(
            new Seed(
                    DemoCatalog.COFFEE_SLUG,
                    "SIDAMA-WASHED-250",
                    "SID-2025-W01",
                    "washed, dried on raised beds",
                    LocalDate.of(2025, 11, 1),
                    LocalDate.of(2026, 1, 20),
                    1800,
                    List.of("Fairtrade", "Organic"),
                    "ETB",
                    List.of(
                            new Member(
                                    "SID-0101",
                                    "Tigist Alemu",
                                    true,
                                    "Bensa, Sidama",
                                    Plot.polygon(
                                            new double[] {38.8702, 6.5594},
                                            new double[] {38.8721, 6.5591},
                                            new double[] {38.8726, 6.5607},
                                            new double[] {38.8709, 6.5614}),
                                    620,
                                    6_200_000),
                            new Member(
                                    "SID-0102",
                                    "Dawit Bekele",
                                    false,
                                    "Bensa, Sidama",
                                    Plot.point(38.8785, 6.5532, 0.9),
                                    410,
                                    4_100_000),
                            new Member(
                                    "SID-0117",
                                    "Almaz Haile",
                                    true,
                                    "Shebedino, Sidama",
                                    Plot.polygon(
                                            new double[] {38.4511, 6.9302},
                                            new double[] {38.4540, 6.9298},
                                            new double[] {38.4546, 6.9318},
                                            new double[] {38.4528, 6.9331},
                                            new double[] {38.4509, 6.9322}),
                                    700,
                                    7_000_000))),
            new Seed(
                    "rwanda-chili-sauce",
                    "CHILI-OIL-250",
                    "HUY-2025-C07",
                    "sun-dried, cold-infused",
                    LocalDate.of(2025, 9, 1),
                    LocalDate.of(2025, 10, 15),
                    400,
                    List.of("Rwanda FDA certified"),
                    "RWF",
                    List.of(
                            new Member(
                                    "HUY-014",
                                    "Aline Uwase",
                                    true,
                                    "Huye, Southern Province",
                                    Plot.point(29.7450, -2.6010, 0.4),
                                    150,
                                    180_000),
                            new Member(
                                    "HUY-022",
                                    "Jeanne Mukamana",
                                    false,
                                    "Huye, Southern Province",
                                    Plot.polygon(
                                            new double[] {29.7606, -2.5880},
                                            new double[] {29.7614, -2.5879},
                                            new double[] {29.7615, -2.5871},
                                            new double[] {29.7607, -2.5869}),
                                    200,
                                    240_000))),
            new Seed(
                    "rwanda-mountain-coffee",
                    "KIVU-BOURBON-250",
                    "KIV-2025-B03",
                    "fully washed",
                    LocalDate.of(2025, 3, 1),
                    LocalDate.of(2025, 6, 30),
                    900,
                    List.of("Rainforest Alliance"),
                    "RWF",
                    List.of(
                            new Member(
                                    "NYA-031",
                                    "Emmanuel Habimana",
                                    true,
                                    "Nyamagabe, Southern Province",
                                    Plot.polygon(
                                            new double[] {29.4321, -2.5238},
                                            new double[] {29.4338, -2.5241},
                                            new double[] {29.4341, -2.5226},
                                            new double[] {29.4323, -2.5222}),
                                    480,
                                    336_000),
                            new Member(
                                    "NYA-044",
                                    "Claudine Ingabire",
                                    false,
                                    "Nyamagabe, Southern Province",
                                    Plot.point(29.4410, -2.5170, 1.1),
                                    300,
                                    210_000))));

    private static final Caller ADMIN = new Caller(UUID.randomUUID(), Set.of(Role.ADMIN), null);

    private final ProducerService producers;
    private final LotService lots;
    private final ProductService products;
    private final ObjectMapper json;

    DemoOrigin(ProducerService producers, LotService lots, ProductService products, ObjectMapper json) {
        this.producers = producers;
        this.lots = lots;
        this.products = products;
        this.json = json;
    }

    Uni<Void> load(List<Cooperative> cooperatives) {
        return Multi.createFrom()
                .iterable(SEEDS)
                .onItem()
                .transformToUniAndConcatenate(seed -> seed(
                        seed,
                        cooperatives.stream()
                                .filter(c -> c.slug.equals(seed.slug()))
                                .findFirst()
                                .orElseThrow()))
                .collect()
                .last()
                .replaceWithVoid();
    }

    private Uni<Void> seed(Seed seed, Cooperative cooperative) {
        List<OriginApi.LotInput> inputs = new ArrayList<>();
        return Multi.createFrom()
                .iterable(seed.members())
                .onItem()
                .transformToUniAndConcatenate(m -> producers
                        .create(
                                ADMIN,
                                cooperative.id,
                                new OriginApi.CreateProducer(m.code(), m.name(), m.consent(), m.region()))
                        .flatMap(p -> producers
                                .addPlot(ADMIN, p.id(), new OriginApi.CreatePlot(areaHa(m.plot()), geometry(m.plot())))
                                .invoke(plot -> inputs.add(new OriginApi.LotInput(
                                        p.id(),
                                        plot.id(),
                                        BigDecimal.valueOf(m.kg()),
                                        m.paidMinor(),
                                        seed.currency())))))
                .collect()
                .last()
                .flatMap(x -> products.search(cooperative.id, null, new PageRequest(0, 100), Lang.SOURCE))
                .map(page -> page.items().stream()
                        .filter(product -> product.sku().equals(seed.sku()))
                        .map(ProductApi.ProductView::id)
                        .findFirst()
                        .orElseThrow())
                .flatMap(product -> lots.create(
                        ADMIN,
                        cooperative.id,
                        new OriginApi.CreateLot(
                                product,
                                seed.lotCode(),
                                seed.process(),
                                seed.from(),
                                seed.to(),
                                BigDecimal.valueOf(seed.quantityKg()),
                                seed.certifications(),
                                inputs)))
                .replaceWithVoid();
    }

    private JsonNode geometry(Plot plot) {
        ObjectNode geometry = json.createObjectNode();
        if (plot.corners().length == 1) {
            geometry.put("type", "Point");
            geometry.putArray("coordinates").add(plot.corners()[0][0]).add(plot.corners()[0][1]);
            return geometry;
        }
        geometry.put("type", "Polygon");
        ArrayNode ring = geometry.putArray("coordinates").addArray();
        for (double[] c : plot.corners()) {
            ring.addArray().add(c[0]).add(c[1]);
        }
        ring.addArray().add(plot.corners()[0][0]).add(plot.corners()[0][1]);
        return geometry;
    }

    /** The point's stated area, or the polygon's geodesic area, as a member would declare it (0.01 ha). */
    static BigDecimal areaHa(Plot plot) {
        if (plot.corners().length == 1) {
            return BigDecimal.valueOf(plot.pointHa());
        }
        return BigDecimal.valueOf(GeodesicArea.hectares(List.<double[][]>of(plot.corners())))
                .setScale(2, RoundingMode.HALF_UP);
    }
}
