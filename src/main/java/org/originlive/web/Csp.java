package org.originlive.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages' Content-Security-Policy with the video admitted: media from the video origins (the
 * live playback origin, and the replays' and clips' when they are served from elsewhere) and from
 * {@code blob:} (hls.js feeds the video element through Media Source Extensions), and fetches of
 * playlists and segments from those origins. Everything else stays as configured.
 */
final class Csp {

    private Csp() {}

    static String admittingMedia(String policy, List<String> videoOrigins) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String directive : policy.split(";")) {
            String[] parts = directive.trim().split("\\s+");
            if (!parts[0].isEmpty()) {
                directives.put(parts[0], new ArrayList<>(List.of(parts).subList(1, parts.length)));
            }
        }
        List<String> fallback = directives.getOrDefault("default-src", List.of("'self'"));
        List<String> media = directives.computeIfAbsent("media-src", k -> new ArrayList<>(fallback));
        List<String> connect = directives.computeIfAbsent("connect-src", k -> new ArrayList<>(fallback));
        add(media, "blob:");
        for (String origin : videoOrigins) {
            add(media, origin);
            add(connect, origin);
        }
        List<String> out = new ArrayList<>();
        directives.forEach((name, values) -> out.add(values.isEmpty() ? name : name + " " + String.join(" ", values)));
        return String.join("; ", out);
    }

    private static void add(List<String> sources, String source) {
        if (!sources.contains(source) && !sources.contains("*")) {
            sources.add(source);
        }
    }
}
