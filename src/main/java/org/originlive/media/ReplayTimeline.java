package org.originlive.media;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A replay's time line: the sale's recordings joined end to end, each starting at the time the
 * engine began recording it. Maps the wall-clock times of pins into the replay (a pin between
 * recordings falls at the start of the next one) and plans one clip per pin that the recordings
 * cover for {@link #MIN_CLIP_SECONDS} or more. Pure: unit-tested without an engine.
 */
final class ReplayTimeline {

    static final double MIN_CLIP_SECONDS = 5.0;

    /** A recording: when it started, and how long it is. */
    record Segment(Instant start, double seconds) {

        Instant end() {
            return start.plusMillis(Math.round(seconds * 1000));
        }
    }

    /** A pin; {@code until} is null while it lasts. */
    record Pin(UUID itemId, UUID productId, Instant from, Instant until) {}

    /** Where a moment falls: which recording, how far into it, and how far into the replay. */
    record Position(int segment, double into, double seconds) {}

    /** A highlight to cut: from the pin's position, as long as the recordings cover the pin. */
    record Clip(UUID id, UUID itemId, UUID productId, Instant pinnedAt, Position at, double seconds) {

        double pinSeconds() {
            return at.seconds();
        }
    }

    private final List<Segment> segments;

    ReplayTimeline(List<Segment> segments) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a replay needs a recording");
        }
        this.segments = List.copyOf(segments);
    }

    double seconds() {
        return segments.stream().mapToDouble(Segment::seconds).sum();
    }

    /** Where {@code t} falls in the replay: inside a recording, at the start of the next, or at the very end. */
    Position at(Instant t) {
        double before = 0;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (t.isBefore(s.end())) {
                double into = t.isAfter(s.start()) ? seconds(s.start(), t) : 0;
                return new Position(i, into, before + into);
            }
            before += s.seconds();
        }
        Segment last = segments.get(segments.size() - 1);
        return new Position(segments.size() - 1, last.seconds(), before);
    }

    /** How much of [from, until) the recordings cover, in seconds ({@code until} null: to the end). */
    double covered(Instant from, Instant until) {
        double total = 0;
        for (Segment s : segments) {
            Instant a = from.isAfter(s.start()) ? from : s.start();
            Instant b = until == null || until.isAfter(s.end()) ? s.end() : until;
            if (b.isAfter(a)) {
                total += seconds(a, b);
            }
        }
        return total;
    }

    /** One clip per pin the recordings cover for at least {@link #MIN_CLIP_SECONDS}. */
    List<Clip> clips(List<Pin> pins) {
        List<Clip> clips = new ArrayList<>();
        for (Pin pin : pins) {
            double covered = covered(pin.from(), pin.until());
            if (covered >= MIN_CLIP_SECONDS) {
                clips.add(new Clip(
                        UUID.randomUUID(), pin.itemId(), pin.productId(), pin.from(), at(pin.from()), covered));
            }
        }
        return clips;
    }

    private static double seconds(Instant a, Instant b) {
        return Duration.between(a, b).toMillis() / 1000.0;
    }
}
