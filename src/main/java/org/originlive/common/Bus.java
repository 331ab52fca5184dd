package org.originlive.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which bus carries sales' events between replicas (contract v3, "Scale-out bus"):
 * {@code postgres} (LISTEN/NOTIFY, the default: one machine and small clusters) or {@code nats}
 * ({@code ORIGINLIVE_NATS_URL}, one or more {@code nats://host:port} separated by commas).
 */
@ApplicationScoped
public class Bus {

    private final boolean nats;
    private final List<String> natsUrls;

    Bus(
            @ConfigProperty(name = "originlive.bus", defaultValue = "postgres") String kind,
            @ConfigProperty(name = "originlive.nats.url", defaultValue = "nats://localhost:4222") String urls) {
        String k = kind.trim().toLowerCase(Locale.ROOT);
        if (!k.equals("postgres") && !k.equals("nats")) {
            throw new IllegalStateException("originlive.bus (ORIGINLIVE_BUS) is postgres or nats, not " + kind);
        }
        this.nats = k.equals("nats");
        this.natsUrls = Arrays.stream(urls.split(","))
                .map(String::trim)
                .filter(u -> !u.isEmpty())
                .toList();
        if (nats && natsUrls.isEmpty()) {
            throw new IllegalStateException("ORIGINLIVE_BUS=nats needs ORIGINLIVE_NATS_URL");
        }
    }

    public boolean nats() {
        return nats;
    }

    public List<String> natsUrls() {
        return natsUrls;
    }

    public String name() {
        return nats ? "nats" : "postgres";
    }
}
