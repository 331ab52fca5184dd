package org.originlive.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The demo's seeds as read from their JSON, and their declared plot areas: the figures stored before GeographicLib. */
class DemoAreasTest {

    @Test
    void theSeedsAreTheDemoCooperatives() {
        assertThat(DemoOrigin.seeds(new ObjectMapper().findAndRegisterModules()))
                .extracting(DemoOrigin.Seed::slug)
                .containsExactly(DemoCatalog.COFFEE_SLUG, "rwanda-chili-sauce", "rwanda-mountain-coffee");
    }

    @Test
    void declaredAreasAreUnchanged() {
        Map<String, BigDecimal> declared = new TreeMap<>();
        DemoOrigin.seeds(new ObjectMapper().findAndRegisterModules())
                .forEach(seed -> seed.members().forEach(m -> declared.put(m.code(), DemoOrigin.areaHa(m.plot()))));
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
