package org.originlive.origin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.originlive.common.ProblemException;

/**
 * A plot's GeoJSON geometry (RFC 7946), checked: a {@code Point} or a {@code Polygon} of WGS 84
 * {@code [lon, lat]} positions (an altitude is allowed and dropped), finite and in range; rings
 * closed with at least 4 positions; the polygon valid by JTS (no self-intersection, holes
 * inside the shell). Refusals are 422 with a violation naming the {@code geometry...} path.
 */
record PlotGeometry(Kind kind, ObjectNode json, Double computedAreaHa, Bounds bounds) {

    enum Kind {
        Point,
        Polygon
    }

    record Bounds(double minLon, double minLat, double maxLon, double maxLat) {}

    static final int MAX_RINGS = 50;
    static final int MAX_POSITIONS = 5_000;
    private static final Set<String> MEMBERS = Set.of("type", "coordinates", "bbox");
    private static final GeometryFactory JTS = new GeometryFactory();

    static PlotGeometry parse(JsonNode geometry) {
        if (geometry == null || !geometry.isObject()) {
            throw ProblemException.invalid("geometry", "must be a GeoJSON Point or Polygon object");
        }
        for (Iterator<String> names = geometry.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw ProblemException.invalid("geometry." + name, "is not a member of a GeoJSON geometry");
            }
        }
        JsonNode type = geometry.get("type");
        JsonNode coordinates = geometry.get("coordinates");
        if (coordinates == null || !coordinates.isArray()) {
            throw ProblemException.invalid("geometry.coordinates", "must be an array");
        }
        if (type != null && "Point".equals(type.textValue())) {
            return point(coordinates);
        }
        if (type != null && "Polygon".equals(type.textValue())) {
            return polygon(coordinates);
        }
        throw ProblemException.invalid("geometry.type", "must be \"Point\" or \"Polygon\"");
    }

    private static PlotGeometry point(JsonNode coordinates) {
        double[] p = position(coordinates, "geometry.coordinates");
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("type", "Point");
        json.set("coordinates", positionJson(p));
        return new PlotGeometry(Kind.Point, json, null, new Bounds(p[0], p[1], p[0], p[1]));
    }

    private static PlotGeometry polygon(JsonNode coordinates) {
        if (coordinates.isEmpty() || coordinates.size() > MAX_RINGS) {
            throw ProblemException.invalid(
                    "geometry.coordinates", "must hold a shell and at most " + (MAX_RINGS - 1) + " holes");
        }
        List<double[][]> rings = new ArrayList<>();
        int positions = 0;
        for (int r = 0; r < coordinates.size(); r++) {
            double[][] ring = ring(coordinates.get(r), "geometry.coordinates[" + r + "]");
            positions += ring.length;
            if (positions > MAX_POSITIONS) {
                throw ProblemException.invalid(
                        "geometry.coordinates", "must hold at most " + MAX_POSITIONS + " positions");
            }
            rings.add(ring);
        }
        Polygon polygon = JTS.createPolygon(
                linearRing(rings.get(0)),
                rings.subList(1, rings.size()).stream()
                        .map(PlotGeometry::linearRing)
                        .toArray(LinearRing[]::new));
        TopologyValidationError error = new IsValidOp(polygon).getValidationError();
        if (error != null) {
            throw ProblemException.invalid("geometry.coordinates", "is not a valid polygon: " + error.getMessage());
        }
        return new PlotGeometry(Kind.Polygon, polygonJson(rings), GeodesicArea.hectares(rings), bounds(rings));
    }

    private static ObjectNode polygonJson(List<double[][]> rings) {
        ArrayNode ringsJson = JsonNodeFactory.instance.arrayNode();
        for (double[][] ring : rings) {
            ArrayNode ringJson = ringsJson.addArray();
            for (double[] p : ring) {
                ringJson.add(positionJson(p));
            }
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("type", "Polygon");
        json.set("coordinates", ringsJson);
        return json;
    }

    private static Bounds bounds(List<double[][]> rings) {
        double minLon = Double.MAX_VALUE,
                minLat = Double.MAX_VALUE,
                maxLon = -Double.MAX_VALUE,
                maxLat = -Double.MAX_VALUE;
        for (double[][] ring : rings) {
            for (double[] p : ring) {
                minLon = Math.min(minLon, p[0]);
                minLat = Math.min(minLat, p[1]);
                maxLon = Math.max(maxLon, p[0]);
                maxLat = Math.max(maxLat, p[1]);
            }
        }
        return new Bounds(minLon, minLat, maxLon, maxLat);
    }

    private static double[][] ring(JsonNode ring, String field) {
        if (ring == null || !ring.isArray() || ring.size() < 4) {
            throw ProblemException.invalid(field, "must be a linear ring of at least 4 positions");
        }
        double[][] positions = new double[ring.size()][];
        for (int i = 0; i < ring.size(); i++) {
            positions[i] = position(ring.get(i), field + "[" + i + "]");
        }
        double[] first = positions[0];
        double[] last = positions[positions.length - 1];
        if (first[0] != last[0] || first[1] != last[1]) {
            throw ProblemException.invalid(field, "must be closed: its last position must equal its first");
        }
        return positions;
    }

    private static double[] position(JsonNode position, String field) {
        if (position == null || !position.isArray() || position.size() < 2 || position.size() > 3) {
            throw ProblemException.invalid(field, "must be a position [longitude, latitude]");
        }
        for (JsonNode n : position) {
            if (!n.isNumber() || !Double.isFinite(n.doubleValue())) {
                throw ProblemException.invalid(field, "must hold finite numbers");
            }
        }
        double lon = position.get(0).doubleValue();
        double lat = position.get(1).doubleValue();
        if (lon < -180 || lon > 180) {
            throw ProblemException.invalid(field, "longitude must be within -180..180");
        }
        if (lat < -90 || lat > 90) {
            throw ProblemException.invalid(field, "latitude must be within -90..90");
        }
        return new double[] {lon, lat};
    }

    private static LinearRing linearRing(double[][] ring) {
        Coordinate[] coordinates = new Coordinate[ring.length];
        for (int i = 0; i < ring.length; i++) {
            coordinates[i] = new Coordinate(ring[i][0], ring[i][1]);
        }
        return JTS.createLinearRing(coordinates);
    }

    private static ArrayNode positionJson(double[] p) {
        return JsonNodeFactory.instance.arrayNode().add(p[0]).add(p[1]);
    }
}
