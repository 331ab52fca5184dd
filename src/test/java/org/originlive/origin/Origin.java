package org.originlive.origin;

import static org.originlive.support.Api.as;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.originlive.support.Api;

/** Builds origin data through the public API for the origin tests. */
final class Origin {

    /** About 1 ha (0.9966) near Bensa, Sidama. */
    static final String SQUARE_1HA =
            "[[38.8100,6.6000],[38.8109,6.6000],[38.8109,6.6009],[38.8100,6.6009],[38.8100,6.6000]]";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Origin() {}

    static Map<String, Object> geometry(String type, String coordinates) {
        try {
            return Map.of("type", type, "coordinates", JSON.readValue(coordinates, Object.class));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Map<String, Object> polygon(String ring) {
        return geometry("Polygon", "[" + ring + "]");
    }

    static Map<String, Object> point(double lon, double lat) {
        return Map.of("type", "Point", "coordinates", List.of(lon, lat));
    }

    static String producer(String token, String coop, String name, boolean consent) {
        return as(token)
                .body(Map.of("memberCode", Api.unique("M"), "displayName", name, "publicConsent", consent))
                .post("/api/cooperatives/" + coop + "/producers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String plot(String token, String producer, Object areaHa, Map<String, Object> geometry) {
        return as(token)
                .body(Map.of("areaHa", areaHa, "geometry", geometry))
                .post("/api/producers/" + producer + "/plots")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static Map<String, Object> input(String producer, String plot, Object kg) {
        Map<String, Object> input =
                new HashMap<>(Map.of("producerId", producer, "kg", kg, "farmgatePaidMinor", 250000, "currency", "ETB"));
        if (plot != null) {
            input.put("plotId", plot);
        }
        return input;
    }

    @SafeVarargs
    static Map<String, Object> lotBody(String product, Object quantityKg, Map<String, Object>... inputs) {
        Map<String, Object> body = new HashMap<>();
        body.put("productId", product);
        body.put("lotCode", Api.unique("LOT"));
        body.put("process", "washed");
        body.put("harvestFrom", "2025-11-01");
        body.put("harvestTo", "2026-01-15");
        body.put("quantityKg", quantityKg);
        body.put("certifications", List.of("Fairtrade", "Organic"));
        body.put("inputs", new ArrayList<>(List.of(inputs)));
        return body;
    }

    static String lot(String token, String coop, Map<String, Object> body) {
        return as(token)
                .body(body)
                .post("/api/cooperatives/" + coop + "/lots")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static BigDecimal dec(Object value) {
        return new BigDecimal(String.valueOf(value));
    }
}
