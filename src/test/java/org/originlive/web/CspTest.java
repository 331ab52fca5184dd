package org.originlive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.originlive.common.WebOrigins;

/** The pages' policy admits every video origin (live and replays) for media and fetches, nothing more. */
class CspTest {

    private static final String POLICY = "default-src 'self'; img-src 'self' https:; connect-src 'self'";

    @Test
    void liveAndReplayOriginsAreAdmittedForMediaAndFetches() {
        String csp = Csp.admittingMedia(POLICY, List.of("http://localhost:8081", "https://vod.example.org"));
        assertThat(csp)
                .isEqualTo("default-src 'self'; img-src 'self' https:;"
                        + " connect-src 'self' http://localhost:8081 https://vod.example.org;"
                        + " media-src 'self' blob: http://localhost:8081 https://vod.example.org");
    }

    @Test
    void withoutAVideoOriginOnlyBlobMediaIsAdded() {
        assertThat(Csp.admittingMedia(POLICY, List.of()))
                .isEqualTo("default-src 'self'; img-src 'self' https:; connect-src 'self'; media-src 'self' blob:");
    }

    @Test
    void anOriginIsSchemeHostAndPortOfAnAbsoluteUrl() {
        assertThat(WebOrigins.of("https://cdn.example.org/vod/")).contains("https://cdn.example.org");
        assertThat(WebOrigins.of("http://127.0.0.1:8081/vod")).contains("http://127.0.0.1:8081");
        assertThat(WebOrigins.of("/vod")).isEmpty();
        assertThat(WebOrigins.of("not a url")).isEmpty();
    }
}
