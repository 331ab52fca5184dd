package org.originlive.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplayTimelineTest {

    private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
    private static final UUID PRODUCT = UUID.randomUUID();

    private static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    // Two publishes: 0–60 s and 100–130 s of the show; the replay is 90 s long.
    private final ReplayTimeline joined =
            new ReplayTimeline(List.of(new ReplayTimeline.Segment(at(0), 60), new ReplayTimeline.Segment(at(100), 30)));

    @Test
    void momentsMapIntoTheJoinedRecordings() {
        assertThat(joined.seconds()).isEqualTo(90.0);
        assertThat(joined.at(at(-5)).seconds())
                .as("before the recording: its start")
                .isEqualTo(0.0);
        assertThat(joined.at(at(12.5))).isEqualTo(new ReplayTimeline.Position(0, 12.5, 12.5));
        assertThat(joined.at(at(80)))
                .as("between publishes: the start of the next")
                .isEqualTo(new ReplayTimeline.Position(1, 0, 60));
        assertThat(joined.at(at(110))).isEqualTo(new ReplayTimeline.Position(1, 10, 70));
        assertThat(joined.at(at(500)).seconds()).as("after the end: the end").isEqualTo(90.0);
    }

    @Test
    void coverageLeavesOutTheGapsBetweenPublishes() {
        assertThat(joined.covered(at(50), at(110))).isCloseTo(20.0, within(0.001));
        assertThat(joined.covered(at(61), at(99))).isZero();
        assertThat(joined.covered(at(120), null))
                .as("an open pin lasts to the end")
                .isCloseTo(10.0, within(0.001));
    }

    @Test
    void aClipPerPinOfFiveSecondsOrMoreOfRecording() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        List<ReplayTimeline.Clip> clips = joined.clips(List.of(
                new ReplayTimeline.Pin(a, PRODUCT, at(10), at(14.9)),
                new ReplayTimeline.Pin(b, PRODUCT, at(14.9), at(62)),
                new ReplayTimeline.Pin(c, PRODUCT, at(62), at(104)),
                new ReplayTimeline.Pin(a, PRODUCT, at(104), null)));
        assertThat(clips).extracting(ReplayTimeline.Clip::itemId).containsExactly(b, a);
        assertThat(clips.get(0).seconds()).isCloseTo(45.1, within(0.001));
        assertThat(clips.get(0).at()).isEqualTo(new ReplayTimeline.Position(0, 14.9, 14.9));
        assertThat(clips.get(1).seconds()).isCloseTo(26.0, within(0.001));
        assertThat(clips.get(1).pinSeconds()).isCloseTo(64.0, within(0.001));
    }
}
