package org.originlive.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.originlive.support.Configs;

/** The adaptive flush interval, without a room: by audience, by measured lag, clamped. */
class PaceTest {

    private static Pace pace(long minMillis, long maxMillis, int bigRoom, double budget) {
        return new Pace(Configs.of(
                LiveConfig.class,
                Map.of(
                        "flushInterval",
                        Duration.ofMillis(minMillis),
                        "maxFlushInterval",
                        Duration.ofMillis(maxMillis),
                        "bigRoom",
                        bigRoom,
                        "fanOutBudget",
                        budget)));
    }

    private static Pace defaults() {
        return pace(100, 500, 1000, 0.25);
    }

    @ParameterizedTest
    @CsvSource({"0, 100", "1, 100", "1000, 100", "4000, 200", "10000, 316", "25000, 500", "1000000, 500"})
    void theIntervalGrowsWithTheSquareRootOfTheAudience(int viewers, long millis) {
        Pace pace = defaults();
        assertThat(pace.next(viewers)).isEqualTo(millis);
        assertThat(pace.intervalMillis()).isEqualTo(millis);
    }

    @Test
    void aNewRoomStartsAtTheShortestInterval() {
        assertThat(defaults().intervalMillis()).isEqualTo(100);
    }

    @Test
    void busyLoopsStretchTheIntervalSoFanOutKeepsToItsBudget() {
        Pace pace = defaults();
        pace.lag(Duration.ofMillis(50).toNanos());
        // 50 ms of fan-out may take a quarter of the time: one flush every 200 ms
        assertThat(pace.next(10)).isEqualTo(200);
        // the size rule still wins when it asks for more
        assertThat(pace.next(10_000)).isEqualTo(316);
        pace.lag(Duration.ofSeconds(1).toNanos());
        assertThat(pace.next(10)).isEqualTo(500);
    }

    @Test
    void lagIsSmoothedOverRecentBroadcasts() {
        Pace pace = defaults();
        pace.lag(Duration.ofMillis(40).toNanos());
        pace.lag(Duration.ofMillis(90).toNanos());
        // (40 × 4 + 90) / 5 = 50 ms → 200 ms at a quarter of a loop
        assertThat(pace.next(1)).isEqualTo(200);
        pace.lag(0);
        // (50 × 4 + 0) / 5 = 40 ms → 160 ms
        assertThat(pace.next(1)).isEqualTo(160);
    }

    @Test
    void settingsOutOfRangeAreClamped() {
        // a maximum below the minimum is the minimum; a budget past a whole loop is one loop
        Pace inverted = pace(100, 50, 1000, 4.0);
        inverted.lag(Duration.ofMillis(300).toNanos());
        assertThat(inverted.next(1_000_000)).isEqualTo(100);
        // a zero interval still flushes every millisecond; a zero big room counts as one viewer
        Pace tiny = pace(0, 0, 0, 0.0);
        assertThat(tiny.next(0)).isEqualTo(1);
        // a budget below 1% counts as 1%: 1 ms of lag → 100 ms
        Pace frugal = pace(10, 1000, 1000, 0.0001);
        frugal.lag(Duration.ofMillis(1).toNanos());
        assertThat(frugal.next(1)).isEqualTo(100);
    }
}
