package org.originlive.media;

import java.time.Duration;
import java.time.Instant;
import org.originlive.sale.SaleStatus;
import org.originlive.sale.VideoStatus;

/** Who may publish when, and what hosts and viewers are shown: pure rules, unit-tested without an engine. */
final class StreamRules {

    private StreamRules() {}

    /** The engine's question: may this publisher start? {@code status} is what the stream becomes. */
    record Decision(VideoStatus status, String refusal) {

        static Decision accept(VideoStatus status) {
            return new Decision(status, null);
        }

        static Decision refuse(String why) {
            return new Decision(null, why);
        }

        boolean accepted() {
            return refusal == null;
        }
    }

    /** The stream as stored, for the rules. */
    record Stored(VideoStatus status, String publisher, Instant seenAt) {}

    /**
     * A publish with the sale's current key (the caller found the stream by it) is accepted while
     * the sale is LIVE (→ LIVE) or SCHEDULED to start within {@code previewBefore} (→ PREVIEW, a
     * rehearsal), and only while no other publisher of the sale is alive: one that the engine
     * reported within {@code publisherTimeout}.
     */
    static Decision publish(
            Stored stream,
            SaleStatus sale,
            Instant startsAt,
            Instant now,
            Duration previewBefore,
            String publisher,
            Duration publisherTimeout) {
        if (sale.isClosed()) {
            return Decision.refuse("the sale is " + sale);
        }
        if (sale == SaleStatus.SCHEDULED && startsAt.minus(previewBefore).isAfter(now)) {
            return Decision.refuse("the sale starts at " + startsAt + "; rehearsals open " + previewBefore.toMinutes()
                    + " minutes before");
        }
        if (stream.publisher() != null
                && !stream.publisher().equals(publisher)
                && alive(stream.seenAt(), now, publisherTimeout)) {
            return Decision.refuse("another publisher of this sale is live");
        }
        return Decision.accept(sale == SaleStatus.LIVE ? VideoStatus.LIVE : VideoStatus.PREVIEW);
    }

    static boolean alive(Instant seenAt, Instant now, Duration publisherTimeout) {
        return seenAt != null && !seenAt.plus(publisherTimeout).isBefore(now);
    }

    /**
     * What viewers see: a rehearsal is IDLE, a closed sale's video ENDED, and a stream nobody
     * publishes is IDLE only where an engine could take it (UNAVAILABLE otherwise).
     */
    static VideoStatus seenByViewers(VideoStatus stored, SaleStatus sale, boolean engineAvailable) {
        if (sale.isClosed() || stored == VideoStatus.ENDED) {
            return VideoStatus.ENDED;
        }
        if (stored == VideoStatus.LIVE) {
            return VideoStatus.LIVE;
        }
        return engineAvailable ? VideoStatus.IDLE : VideoStatus.UNAVAILABLE;
    }

    /** What the host sees: the stored state, a rehearsal included; IDLE without an engine is UNAVAILABLE. */
    static VideoStatus seenByHost(VideoStatus stored, SaleStatus sale, boolean engineAvailable) {
        if (sale.isClosed() || stored == VideoStatus.ENDED) {
            return VideoStatus.ENDED;
        }
        if (stored == VideoStatus.LIVE || stored == VideoStatus.PREVIEW) {
            return stored;
        }
        return engineAvailable ? VideoStatus.IDLE : VideoStatus.UNAVAILABLE;
    }

    /** When the sale moves, a rehearsal that is on becomes the show, and a closed sale's video ends. */
    static VideoStatus afterSaleMoved(VideoStatus stored, SaleStatus to) {
        if (to.isClosed()) {
            return VideoStatus.ENDED;
        }
        if (to == SaleStatus.LIVE && stored == VideoStatus.PREVIEW) {
            return VideoStatus.LIVE;
        }
        return stored;
    }
}
