package org.originlive.origin;

import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;

/**
 * The area of a polygon on the WGS 84 ellipsoid, its edges geodesics (Karney's algorithm, through
 * GeographicLib). Winding does not matter; holes are subtracted from the shell.
 */
public final class GeodesicArea {

    private GeodesicArea() {}

    /** Square metres of a polygon: the shell less its holes; each ring as {@code [lon, lat]} degrees. */
    public static double squareMetres(List<double[][]> rings) {
        double total = 0;
        for (int i = 0; i < rings.size(); i++) {
            double ring = ringArea(rings.get(i));
            total += i == 0 ? ring : -ring;
        }
        return Math.max(0, total);
    }

    public static double hectares(List<double[][]> rings) {
        return squareMetres(rings) / 10_000;
    }

    /** Unsigned area of one ring, closed (GeoJSON) or not. */
    static double ringArea(double[][] ring) {
        PolygonArea polygon = new PolygonArea(Geodesic.WGS84, false);
        int corners = ring.length;
        if (corners > 1 && ring[0][0] == ring[corners - 1][0] && ring[0][1] == ring[corners - 1][1]) {
            corners--; // the polygon closes itself
        }
        for (int i = 0; i < corners; i++) {
            polygon.AddPoint(ring[i][1], ring[i][0]);
        }
        // signed: a small ring traversed clockwise is that ring, not the rest of the earth
        return Math.abs(polygon.Compute(false, true).area);
    }
}
