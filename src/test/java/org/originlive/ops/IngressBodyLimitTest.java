package org.originlive.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The proxy must let through every body the app itself would answer, so 413s come from the app. */
class IngressBodyLimitTest {

    @Test
    void theIngressAllowsAtLeastTheAppsLargestBody() throws IOException {
        Properties app = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            app.load(in);
        }
        long appLimit = Math.max(
                bytes(app.getProperty("originlive.http.max-body")),
                bytes(app.getProperty("quarkus.http.limits.max-body-size")));
        Matcher ingress = Pattern.compile("proxy-body-size:\\s*\"?([0-9]+[kKmMgG]?)\"?")
                .matcher(Files.readString(Path.of("k8s/base/ingress.yaml")));
        assertThat(ingress.find()).as("the Ingress sets proxy-body-size").isTrue();
        assertThat(bytes(ingress.group(1))).isGreaterThanOrEqualTo(appLimit);
    }

    private static long bytes(String size) {
        String s = size.trim().toLowerCase(Locale.ROOT);
        long unit =
                switch (s.charAt(s.length() - 1)) {
                    case 'k' -> 1024L;
                    case 'm' -> 1024L * 1024;
                    case 'g' -> 1024L * 1024 * 1024;
                    default -> 1L;
                };
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }
}
