package org.originlive.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.originlive.sale.SaleStatus;
import org.originlive.sale.VideoStatus;

/** Who may publish when (the sale window, a rehearsal before it, one publisher at a time) and what each side sees. */
class StreamRulesTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final Duration PREVIEW = Duration.ofMinutes(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final StreamRules.Stored FREE = new StreamRules.Stored(VideoStatus.IDLE, null, null);

    private static StreamRules.Decision publish(StreamRules.Stored stored, SaleStatus sale, Instant startsAt) {
        return StreamRules.publish(stored, sale, startsAt, NOW, PREVIEW, "e:7", TIMEOUT);
    }

    @Test
    void aLiveSaleGoesLive() {
        assertThat(publish(FREE, SaleStatus.LIVE, NOW.minusSeconds(60)).status())
                .isEqualTo(VideoStatus.LIVE);
    }

    @Test
    void aScheduledSaleMayRehearseFromPreviewBeforeItsStart() {
        assertThat(publish(FREE, SaleStatus.SCHEDULED, NOW.plus(PREVIEW)).status())
                .isEqualTo(VideoStatus.PREVIEW);
        assertThat(publish(FREE, SaleStatus.SCHEDULED, NOW.plusSeconds(60)).status())
                .isEqualTo(VideoStatus.PREVIEW);
        StreamRules.Decision early =
                publish(FREE, SaleStatus.SCHEDULED, NOW.plus(PREVIEW).plusSeconds(1));
        assertThat(early.accepted()).isFalse();
        assertThat(early.refusal()).contains("30 minutes before");
    }

    @Test
    void aClosedSaleTakesNoPublisher() {
        assertThat(publish(FREE, SaleStatus.ENDED, NOW.minusSeconds(600)).refusal())
                .contains("ENDED");
        assertThat(publish(FREE, SaleStatus.CANCELLED, NOW.plusSeconds(60)).refusal())
                .contains("CANCELLED");
    }

    @Test
    void oneLivePublisherAtATime() {
        StreamRules.Stored other = new StreamRules.Stored(VideoStatus.LIVE, "e:3", NOW.minusSeconds(5));
        assertThat(publish(other, SaleStatus.LIVE, NOW).refusal()).contains("another publisher");
        StreamRules.Stored same = new StreamRules.Stored(VideoStatus.LIVE, "e:7", NOW.minusSeconds(5));
        assertThat(publish(same, SaleStatus.LIVE, NOW).accepted())
                .as("the engine asking again for the same publisher")
                .isTrue();
        StreamRules.Stored silent = new StreamRules.Stored(
                VideoStatus.LIVE, "e:3", NOW.minus(TIMEOUT).minusSeconds(1));
        assertThat(publish(silent, SaleStatus.LIVE, NOW).accepted())
                .as("a publisher no engine reported for the timeout is gone")
                .isTrue();
    }

    @Test
    void viewersNeverSeeARehearsal() {
        assertThat(StreamRules.seenByViewers(VideoStatus.PREVIEW, SaleStatus.SCHEDULED, true))
                .isEqualTo(VideoStatus.IDLE);
        assertThat(StreamRules.seenByHost(VideoStatus.PREVIEW, SaleStatus.SCHEDULED, true))
                .isEqualTo(VideoStatus.PREVIEW);
        assertThat(StreamRules.seenByViewers(VideoStatus.LIVE, SaleStatus.LIVE, true))
                .isEqualTo(VideoStatus.LIVE);
    }

    @Test
    void withoutAnEngineNothingIsIdle() {
        assertThat(StreamRules.seenByViewers(VideoStatus.IDLE, SaleStatus.LIVE, false))
                .isEqualTo(VideoStatus.UNAVAILABLE);
        assertThat(StreamRules.seenByHost(VideoStatus.IDLE, SaleStatus.LIVE, false))
                .isEqualTo(VideoStatus.UNAVAILABLE);
        assertThat(StreamRules.seenByViewers(VideoStatus.IDLE, SaleStatus.ENDED, false))
                .isEqualTo(VideoStatus.ENDED);
    }

    @Test
    void theVideoFollowsItsSale() {
        assertThat(StreamRules.afterSaleMoved(VideoStatus.PREVIEW, SaleStatus.LIVE))
                .isEqualTo(VideoStatus.LIVE);
        assertThat(StreamRules.afterSaleMoved(VideoStatus.IDLE, SaleStatus.LIVE))
                .isEqualTo(VideoStatus.IDLE);
        assertThat(StreamRules.afterSaleMoved(VideoStatus.LIVE, SaleStatus.ENDED))
                .isEqualTo(VideoStatus.ENDED);
        assertThat(StreamRules.afterSaleMoved(VideoStatus.PREVIEW, SaleStatus.CANCELLED))
                .isEqualTo(VideoStatus.ENDED);
    }
}
