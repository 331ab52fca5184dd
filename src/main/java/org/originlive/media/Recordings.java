package org.originlive.media;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Transactions;
import org.originlive.sale.SaleEvents;
import org.originlive.sale.SaleStatus;
import org.originlive.sale.VideoStatus;

/**
 * The engine's recorder asks before it records a stream (its {@code on_publish}) and says when a
 * file is closed. Only the stream the sale's publisher holds, while the sale is LIVE, is recorded:
 * a rehearsal's push is refused and the engine retries it every second, so recording starts
 * within a second of the sale going live. Decided under the sale's row lock, as its end is.
 */
@ApplicationScoped
public class Recordings {

    // What the ingest callback names streams: the sale id and a random part (StreamService).
    private static final Pattern STREAM = Pattern.compile("([0-9a-f-]{36})-[0-9a-f]{8}");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

    private final ReplayRepository replays;
    private final StreamRepository streams;
    private final SaleEvents events;
    private final Transactions transactions;
    private final Clock clock;

    Recordings(
            ReplayRepository replays,
            StreamRepository streams,
            SaleEvents events,
            Transactions transactions,
            Clock clock) {
        this.replays = replays;
        this.streams = streams;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** May the recorder record this stream now? Fails with publish-refused when not. */
    public Uni<Void> start(String streamName, String engineId, String storageId, String clientId) {
        var matcher = streamName == null ? null : STREAM.matcher(streamName);
        if (matcher == null || !matcher.matches() || clientId == null) {
            return refused("not a sale's stream");
        }
        UUID saleId = UUID.fromString(matcher.group(1));
        Instant now = clock.instant();
        return transactions.inTransaction(tx -> events.lock(tx, saleId)
                .flatMap(sale -> streams.find(tx, saleId).flatMap(stream -> {
                    if (!live(sale, stream, streamName)) {
                        return refused("the sale is not live on this stream");
                    }
                    return replays.recordingStarted(tx, saleId, engineId + ":" + clientId, storageId, streamName, now)
                            .invoke(x -> Log.infof("Sale %s: recording %s", saleId, streamName));
                })));
    }

    /** The engine closed a recording's file (a path in its recordings folder). */
    public Uni<Void> done(String path, String engineId, String clientId) {
        String file = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (!FILE.matcher(file).matches() || clientId == null) {
            return Uni.createFrom().voidItem();
        }
        return replays.recordingDone(engineId + ":" + clientId, file, clock.instant())
                .invoke(found -> {
                    if (!found) {
                        Log.debugf("record_done for %s matched no open recording", file);
                    }
                })
                .replaceWithVoid();
    }

    private static boolean live(
            Optional<SaleStatus> sale, Optional<StreamRepository.Stream> stream, String streamName) {
        return sale.orElse(null) == SaleStatus.LIVE
                && stream.isPresent()
                && stream.get().status() == VideoStatus.LIVE
                && streamName.equals(stream.get().streamName());
    }

    private static <T> Uni<T> refused(String why) {
        return Uni.createFrom().failure(new ProblemException(ProblemType.PUBLISH_REFUSED, "Recording refused: " + why));
    }
}
