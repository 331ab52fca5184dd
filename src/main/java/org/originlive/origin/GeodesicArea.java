package org.originlive.origin;

import java.util.List;

/**
 * The area of a polygon on the WGS 84 ellipsoid, through Lambert's cylindrical equal-area
 * projection (ellipsoidal form, Snyder 1987, eq. 3-12): the projection preserves area exactly,
 * so the shoelace area of the projected ring is the ellipsoidal area of the ring whose edges are
 * straight in the projection. For plots (metres to kilometres across) that differs from the
 * geodesic-edged polygon by far less than a hectare's rounding.
 */
final class GeodesicArea {

    static final double A = 6_378_137.0;
    static final double F = 1 / 298.257_223_563;
    static final double E2 = F * (2 - F);
    static final double E = Math.sqrt(E2);

    private GeodesicArea() {}

    /** Square metres of a polygon: the shell less its holes; each ring as {@code [lon, lat]} degrees. */
    static double squareMetres(List<double[][]> rings) {
        double total = 0;
        for (int i = 0; i < rings.size(); i++) {
            double ring = Math.abs(ringArea(rings.get(i)));
            total += i == 0 ? ring : -ring;
        }
        return Math.max(0, total);
    }

    static double hectares(List<double[][]> rings) {
        return squareMetres(rings) / 10_000;
    }

    /** Signed shoelace area of the projected ring, longitudes taken relative to its first vertex. */
    static double ringArea(double[][] ring) {
        double lon0 = ring[0][0];
        double sum = 0;
        for (int i = 0; i + 1 < ring.length; i++) {
            double x1 = x(ring[i][0], lon0);
            double y1 = y(ring[i][1]);
            double x2 = x(ring[i + 1][0], lon0);
            double y2 = y(ring[i + 1][1]);
            sum += x1 * y2 - x2 * y1;
        }
        return sum / 2;
    }

    private static double x(double lon, double lon0) {
        return A * Math.toRadians(lon - lon0);
    }

    // y = a·q(φ)/2 with q the authalic function; q(90°) makes the whole ellipsoid's area 4π·a²·q(90°)/2.
    private static double y(double lat) {
        return A * q(Math.toRadians(lat)) / 2;
    }

    static double q(double phi) {
        double s = Math.sin(phi);
        double es = E * s;
        return (1 - E2) * (s / (1 - es * es) - (1 / (2 * E)) * Math.log((1 - es) / (1 + es)));
    }
}
