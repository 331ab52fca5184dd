package org.originlive.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The production retry schedule keeps the contract's promises (tests run a shorter one). */
class RetryScheduleTest {

    @Test
    void firstRetryWithinAMinuteAndRetriesForMoreThanADay() throws Exception {
        for (String text : List.of(RetrySchedule.DEFAULT, shippedDefault())) {
            RetrySchedule schedule = new RetrySchedule(parse(text));
            Instant now = Instant.parse("2026-12-07T12:00:00Z");
            assertThat(Duration.between(now, schedule.next(1, now).orElseThrow()))
                    .isLessThanOrEqualTo(Duration.ofSeconds(60));
            assertThat(schedule.span()).isGreaterThanOrEqualTo(Duration.ofHours(24));
            assertThat(schedule.span())
                    .isEqualTo(Duration.ofHours(31).plusMinutes(40).plusSeconds(30));
            assertThat(schedule.attempts()).isEqualTo(11);
            assertThat(schedule.next(schedule.attempts(), now)).isEmpty();
            List<Duration> waits = parse(text);
            for (int i = 1; i < waits.size(); i++) {
                assertThat(waits.get(i)).isGreaterThanOrEqualTo(waits.get(i - 1));
            }
        }
    }

    /** The default that application.properties ships (ORIGINLIVE_WEBHOOKS_RETRY_SCHEDULE unset). */
    private static String shippedDefault() throws Exception {
        Properties p = new Properties();
        try (InputStream in = RetryScheduleTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        String value = p.getProperty("originlive.webhooks.retry-schedule");
        return value.substring(value.indexOf(':') + 1, value.length() - 1);
    }

    private static List<Duration> parse(String text) {
        return Arrays.stream(text.split(","))
                .map(s -> Duration.parse("PT" + s.trim().toUpperCase()))
                .toList();
    }
}
