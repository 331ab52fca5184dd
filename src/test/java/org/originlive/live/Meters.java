package org.originlive.live;

import io.restassured.RestAssured;

/** Reads a series from /q/metrics, as Prometheus would. */
final class Meters {

    private Meters() {}

    /** The sum of the series starting with {@code prefix}: a name, or a name and its first labels. */
    static double value(String prefix) {
        return RestAssured.get("/q/metrics")
                .asString()
                .lines()
                .filter(line -> line.startsWith(prefix) && line.length() > prefix.length())
                .filter(line -> " {,}".indexOf(line.charAt(prefix.length())) >= 0)
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
