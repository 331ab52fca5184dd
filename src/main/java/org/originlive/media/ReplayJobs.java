package org.originlive.media;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;
import org.originlive.sale.PinHistory;
import org.originlive.sale.SaleApi;
import org.originlive.sale.SaleQueries;

/**
 * Replays as jobs for the workers beside the engines (media/replay-worker.sh): a sale's end queues
 * one, a worker of the engine that holds the recordings claims it for a lease ({@code SKIP
 * LOCKED}, so each job goes to one worker at a time across replicas), and only the current claim
 * can finish it: a worker that died mid-job (or an app restart that took its worker with it)
 * loses the job when the lease runs out, the next claim makes it again, and it becomes READY once.
 */
@ApplicationScoped
public class ReplayJobs {

    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

    private final ReplayRepository replays;
    private final ReplayReads reads;
    private final PinHistory pins;
    private final SaleQueries sales;
    private final MediaEngine engine;
    private final MediaConfig config;
    private final Transactions transactions;
    private final Clock clock;

    ReplayJobs(
            ReplayRepository replays,
            ReplayReads reads,
            PinHistory pins,
            SaleQueries sales,
            MediaEngine engine,
            MediaConfig config,
            Transactions transactions,
            Clock clock) {
        this.replays = replays;
        this.reads = reads;
        this.pins = pins;
        this.sales = sales;
        this.engine = engine;
        this.config = config;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** In the sale's ending transaction: its replay is to be made, if anything was recorded. */
    Uni<Void> saleEnded(Tx tx, UUID saleId, Instant at) {
        return replays.queue(tx, saleId, at.plus(SETTLE), clock.instant())
                .invoke(queued -> {
                    if (queued) {
                        Log.infof("Sale %s ended: its replay is queued", saleId);
                    }
                })
                .replaceWithVoid();
    }

    /** The next job for a worker beside {@code storageId}, as the worker reads it; empty when none is due. */
    public Uni<Optional<String>> claim(String storageId) {
        UUID claim = UUID.randomUUID();
        return replays.claim(storageId, claim, clock.instant(), config.replayLease(), config.recordWait())
                .flatMap(found ->
                        found.isEmpty() ? Uni.createFrom().item(Optional.<String>empty()) : job(found.get(), claim));
    }

    private Uni<Optional<String>> job(ReplayRepository.Claimed claimed, UUID claim) {
        String head = "job " + claim + "\nkind " + ("DELETING".equals(claimed.status()) ? "delete" : "make") + "\nsale "
                + claimed.saleId() + "\n";
        if ("DELETING".equals(claimed.status())) {
            return Uni.createFrom().item(Optional.of(head));
        }
        UUID saleId = claimed.saleId();
        return reads.recordings(saleId).flatMap(recordings -> {
            if (recordings.isEmpty()) {
                Log.warnf("Sale %s: no recording was closed by the engine; the replay is NONE", saleId);
                return replays.forget(saleId, claim).replaceWith(Optional.<String>empty());
            }
            ReplayTimeline timeline = new ReplayTimeline(recordings.stream()
                    .map(r -> new ReplayTimeline.Segment(r.startedAt(), r.seconds()))
                    .toList());
            return Uni.combine()
                    .all()
                    .unis(pins.of(saleId), sales.get(saleId))
                    .asTuple()
                    .flatMap(t -> {
                        List<ReplayTimeline.Clip> clips = timeline.clips(withProducts(t.getItem1(), t.getItem2()));
                        return transactions
                                .inTransaction(tx -> replays.plan(tx, saleId, claim, clips))
                                .replaceWith(Optional.of(head + lines(recordings, clips)));
                    });
        });
    }

    /** The worker made the job: READY (or deleted) once, by the current claim only; 409 for a lost claim. */
    public Uni<Void> done(
            UUID claim,
            Double seconds,
            List<ReplayRepository.Measured> segments,
            List<ReplayRepository.Measured> clips) {
        Instant now = clock.instant();
        return transactions.inTransaction(tx -> replays.deleted(tx, claim).flatMap(deleted -> {
            if (deleted) {
                return Uni.createFrom().voidItem();
            }
            if (seconds == null) {
                return Uni.createFrom().failure(ProblemException.badRequest("duration is required"));
            }
            return ready(tx, claim, seconds, segments, clips, now);
        }));
    }

    private Uni<Void> ready(
            Tx tx,
            UUID claim,
            double seconds,
            List<ReplayRepository.Measured> segments,
            List<ReplayRepository.Measured> clips,
            Instant now) {
        return replays.claimed(tx, claim).flatMap(saleId -> {
            if (saleId.isEmpty()) {
                return Uni.createFrom().failure(lost(claim));
            }
            UUID sale = saleId.get();
            return replays.ready(tx, claim, engine.vodUrl("replays/" + sale + "/index.m3u8"), seconds, now)
                    .flatMap(x -> replays.measuredRecordings(tx, sale, segments))
                    .flatMap(
                            x -> replays.cut(tx, sale, clips, id -> engine.vodUrl("clips/" + sale + "/" + id + ".mp4")))
                    .invoke(x -> Log.infof("Sale %s: replay READY (%.1f s, %d clips)", sale, seconds, clips.size()));
        });
    }

    /** The worker could not make the job: it is tried again later, waiting longer each time. */
    public Uni<Void> failed(UUID claim, String reason) {
        return replays.attempts(claim)
                .flatMap(attempts -> {
                    long wait = Math.min(MAX_BACKOFF.toSeconds(), 10L << Math.min(attempts, 20));
                    Log.warnf("Replay job %s failed (attempt %d, again in %d s): %s", claim, attempts, wait, reason);
                    return replays.failed(claim, clock.instant().plusSeconds(wait));
                })
                .flatMap(found ->
                        found ? Uni.createFrom().voidItem() : Uni.createFrom().failure(lost(claim)));
    }

    private static List<ReplayTimeline.Pin> withProducts(List<PinHistory.Pin> pins, SaleApi.SaleView sale) {
        Map<UUID, UUID> productOf = new HashMap<>();
        sale.items().forEach(i -> productOf.put(i.id(), i.productId()));
        return pins.stream()
                .map(p -> new ReplayTimeline.Pin(p.itemId(), productOf.get(p.itemId()), p.from(), p.until()))
                .toList();
    }

    private static String lines(List<ReplayReads.Recording> recordings, List<ReplayTimeline.Clip> clips) {
        StringBuilder text = new StringBuilder();
        recordings.forEach(r -> text.append("segment ")
                .append(r.id())
                .append(' ')
                .append(r.file())
                .append('\n'));
        clips.forEach(c -> text.append(String.format(
                java.util.Locale.ROOT,
                "clip %s %d %.3f %.3f%n",
                c.id(),
                c.at().segment(),
                c.at().into(),
                c.seconds())));
        return text.toString();
    }

    private static ProblemException lost(UUID claim) {
        return new ProblemException(
                ProblemType.ILLEGAL_TRANSITION, "Replay job " + claim + " is no longer yours (its lease ran out)");
    }
}
