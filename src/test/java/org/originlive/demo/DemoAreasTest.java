package org.originlive.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The demo's declared plot areas are the figures stored before the geodesic area came in. */
class DemoAreasTest {

    @Test
    void declaredAreasAreUnchanged() {
        Map<String, BigDecimal> declared = new TreeMap<>();
        DemoOrigin.SEEDS.forEach(
                seed -> seed.members().forEach(m -> declared.put(m.code(), DemoOrigin.areaHa(m.plot()))));
        assertThat(declared)
                .isEqualTo(new TreeMap<>(Map.of(
                        "SID-0101", new BigDecimal("4.33"),
                        "SID-0102", new BigDecimal("0.9"),
                        "SID-0117", new BigDecimal("10.66"),
                        "HUY-014", new BigDecimal("0.4"),
                        "HUY-022", new BigDecimal("0.94"),
                        "NYA-031", new BigDecimal("3.44"),
                        "NYA-044", new BigDecimal("1.1"))));
    }
}
