package org.originlive.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import net.sf.geographiclib.Constants;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.originlive.common.ProblemException;

/** GeoJSON checks and the ellipsoidal area, without a database. */
class PlotGeometryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    // About 100 m × 100 m near Bensa, Sidama (6.6° N).
    static final String SQUARE =
            "[[38.8100,6.6000],[38.8109,6.6000],[38.8109,6.6009],[38.8100,6.6009],[38.8100,6.6000]]";

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static PlotGeometry parse(String text) {
        return PlotGeometry.parse(json(text));
    }

    private static void refused(String geometry, String field, String message) {
        ThrowableAssert.ThrowingCallable call = () -> parse(geometry);
        assertThatThrownBy(call).isInstanceOf(ProblemException.class).satisfies(e -> {
            ProblemException p = (ProblemException) e;
            assertThat(p.status()).isEqualTo(422);
            assertThat(p.toProblem().violations()).hasSize(1);
            assertThat(p.toProblem().violations().get(0).field()).isEqualTo(field);
            assertThat(p.toProblem().violations().get(0).message()).contains(message);
        });
    }

    @Test
    void aPointIsKeptAsLonLatWithItsAltitudeDroppedAndNoArea() {
        PlotGeometry g = parse("{\"type\":\"Point\",\"coordinates\":[29.7390,-2.5960,1700]}");
        assertThat(g.kind()).isEqualTo(PlotGeometry.Kind.Point);
        assertThat(g.computedAreaHa()).isNull();
        assertThat(g.json().toString()).isEqualTo("{\"type\":\"Point\",\"coordinates\":[29.739,-2.596]}");
        assertThat(g.bounds()).isEqualTo(new PlotGeometry.Bounds(29.739, -2.596, 29.739, -2.596));
    }

    @Test
    void aPolygonHasItsEllipsoidalAreaAndBounds() {
        PlotGeometry g = parse("{\"type\":\"Polygon\",\"coordinates\":[" + SQUARE + "]}");
        assertThat(g.kind()).isEqualTo(PlotGeometry.Kind.Polygon);
        // Independent check: small-cell area from the ellipsoid's radii of curvature at 6.60045° N.
        double phi = Math.toRadians(6.60045);
        double e2 = Constants.WGS84_f * (2 - Constants.WGS84_f);
        double w = 1 - e2 * Math.sin(phi) * Math.sin(phi);
        double m = Constants.WGS84_a * (1 - e2) / Math.pow(w, 1.5);
        double n = Constants.WGS84_a / Math.sqrt(w);
        double expected = Math.toRadians(0.0009) * n * Math.cos(phi) * Math.toRadians(0.0009) * m / 10_000;
        assertThat(g.computedAreaHa()).isCloseTo(expected, within(expected * 1e-4));
        assertThat(g.computedAreaHa()).isBetween(0.99, 1.00);
        assertThat(g.bounds()).isEqualTo(new PlotGeometry.Bounds(38.81, 6.6, 38.8109, 6.6009));
    }

    @Test
    void windingDoesNotMatterAndAHoleIsSubtracted() {
        double shell =
                parse("{\"type\":\"Polygon\",\"coordinates\":[" + SQUARE + "]}").computedAreaHa();
        String clockwise = "[[38.8100,6.6000],[38.8100,6.6009],[38.8109,6.6009],[38.8109,6.6000],[38.8100,6.6000]]";
        assertThat(parse("{\"type\":\"Polygon\",\"coordinates\":[" + clockwise + "]}")
                        .computedAreaHa())
                .isCloseTo(shell, within(1e-9));
        String hole = "[[38.8103,6.6003],[38.8106,6.6003],[38.8106,6.6006],[38.8103,6.6006],[38.8103,6.6003]]";
        double withHole = parse("{\"type\":\"Polygon\",\"coordinates\":[" + SQUARE + "," + hole + "]}")
                .computedAreaHa();
        assertThat(withHole).isCloseTo(shell * 8 / 9, within(shell * 1e-3));
    }

    @Test
    void anOctantHasAnEighthOfTheEllipsoidsArea() {
        // WGS 84 surface: 510,065,621.724 km²; the equator and two meridians are geodesics.
        double m2 = GeodesicArea.squareMetres(List.<double[][]>of(new double[][] {{0, 0}, {90, 0}, {0, 90}, {0, 0}}));
        assertThat(m2 / 1e6).isCloseTo(510_065_621.724 / 8, within(1.0));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // ring ([lon, lat] corners) | hectares stored before GeographicLib (Lambert equal-area projection)
                "38.8702,6.5594;38.8721,6.5591;38.8726,6.5607;38.8709,6.5614 | 4.329637324",
                "38.4511,6.9302;38.4540,6.9298;38.4546,6.9318;38.4528,6.9331;38.4509,6.9322 | 10.663253040",
                "29.7606,-2.5880;29.7614,-2.5879;29.7615,-2.5871;29.7607,-2.5869 | 0.940709651",
                "29.4321,-2.5238;29.4338,-2.5241;29.4341,-2.5226;29.4323,-2.5222 | 3.443288120",
                "38.8100,6.6000;38.8109,6.6000;38.8109,6.6009;38.8100,6.6009 | 0.990601581"
            })
    void storedAreasStayWhatTheyWere(String ring, double storedHa) {
        double[][] corners = java.util.Arrays.stream(ring.split(";"))
                .map(c -> java.util.Arrays.stream(c.split(","))
                        .mapToDouble(Double::parseDouble)
                        .toArray())
                .toArray(double[][]::new);
        // a millionth of the area: 10 cm² on a hectare, far below the 0.01 ha the API rounds to
        assertThat(GeodesicArea.hectares(List.<double[][]>of(corners))).isCloseTo(storedHa, within(storedHa * 1e-6));
    }

    @Test
    void badGeometryIsRefusedNamingWhere() {
        refused("null", "geometry", "GeoJSON");
        refused("[1,2]", "geometry", "GeoJSON");
        refused("{\"type\":\"MultiPolygon\",\"coordinates\":[]}", "geometry.type", "Point");
        refused("{\"type\":\"point\",\"coordinates\":[1,2]}", "geometry.type", "Point");
        refused("{\"type\":\"Point\"}", "geometry.coordinates", "array");
        refused("{\"type\":\"Point\",\"coordinates\":[1,2],\"crs\":{}}", "geometry.crs", "not a member");
        refused("{\"type\":\"Point\",\"coordinates\":[38.8,91]}", "geometry.coordinates", "latitude");
        refused("{\"type\":\"Point\",\"coordinates\":[-180.5,6.6]}", "geometry.coordinates", "longitude");
        refused("{\"type\":\"Point\",\"coordinates\":[38.8]}", "geometry.coordinates", "position");
        refused("{\"type\":\"Point\",\"coordinates\":[1,2,3,4]}", "geometry.coordinates", "position");
        refused("{\"type\":\"Point\",\"coordinates\":[\"38.8\",6.6]}", "geometry.coordinates", "finite numbers");
        refused("{\"type\":\"Point\",\"coordinates\":[1e999,6.6]}", "geometry.coordinates", "finite numbers");
        refused("{\"type\":\"Polygon\",\"coordinates\":[]}", "geometry.coordinates", "shell");
        refused(
                "{\"type\":\"Polygon\",\"coordinates\":[[[38.81,6.6],[38.82,6.6],[38.81,6.6]]]}",
                "geometry.coordinates[0]",
                "at least 4 positions");
        refused(
                "{\"type\":\"Polygon\",\"coordinates\":[[[38.81,6.6],[38.82,6.6],[38.82,6.61],[38.81,6.61]]]}",
                "geometry.coordinates[0]",
                "closed");
        refused(
                "{\"type\":\"Polygon\",\"coordinates\":[[[38.81,6.6],[38.82,6.6],[38.82,6.61],[38.81,91],[38.81,6.6]]]}",
                "geometry.coordinates[0][3]",
                "latitude");
    }

    @Test
    void invalidPolygonsAreRefusedByTopology() {
        // A bow tie: its edges cross.
        refused(
                "{\"type\":\"Polygon\",\"coordinates\":[[[38.81,6.60],[38.82,6.61],[38.82,6.60],[38.81,6.61],[38.81,6.60]]]}",
                "geometry.coordinates",
                "Self-intersection");
        // A hole outside its shell.
        refused(
                "{\"type\":\"Polygon\",\"coordinates\":[" + SQUARE
                        + ",[[38.90,6.70],[38.91,6.70],[38.91,6.71],[38.90,6.71],[38.90,6.70]]]}",
                "geometry.coordinates",
                "Hole lies outside shell");
        // Four positions, all on one line.
        refused(
                "{\"type\":\"Polygon\",\"coordinates\":[[[38.81,6.60],[38.82,6.60],[38.83,6.60],[38.81,6.60]]]}",
                "geometry.coordinates",
                "not a valid polygon");
    }
}
