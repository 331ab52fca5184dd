package org.originlive.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    /** A member's plot: one [lon, lat] corner and its stated hectares, or a polygon's corners (area computed). */
    record Plot(double[][] corners, Double pointHa) {}

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

    /** Where the seeds are: the demo's data, apart from the code that loads it. */
    static final String SEEDS = "demo/origin.json";

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

    /** The seeds of {@link #SEEDS}, read with {@code json}. */
    static List<Seed> seeds(ObjectMapper json) {
        try (InputStream in = DemoOrigin.class.getClassLoader().getResourceAsStream(SEEDS)) {
            if (in == null) {
                throw new IllegalStateException(SEEDS + " is missing from the classpath");
            }
            return json.readValue(in, new TypeReference<List<Seed>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + SEEDS, e);
        }
    }

    Uni<Void> load(List<Cooperative> cooperatives) {
        return Multi.createFrom()
                .iterable(seeds(json))
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
