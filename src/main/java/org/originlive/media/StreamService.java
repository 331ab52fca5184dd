package org.originlive.media;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Role;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;
import org.originlive.sale.SaleApi;
import org.originlive.sale.SaleEvent;
import org.originlive.sale.SaleEvents;
import org.originlive.sale.SaleFacts;
import org.originlive.sale.SaleQueries;
import org.originlive.sale.SaleStatus;
import org.originlive.sale.VideoStatus;

/**
 * Stream keys for hosts, and the engine's questions: may this publisher start, it stopped, is it
 * still welcome. Every status change locks the sale row first ({@link SaleEvents#lock}) and, when
 * viewers see a difference, announces a {@code video} event in the sale's {@code seq}.
 */
@ApplicationScoped
public class StreamService {

    private final Transactions transactions;

    private final StreamRepository streams;
    private final SaleEvents events;
    private final SaleQueries sales;
    private final MediaEngine engine;
    private final MediaSecrets secrets;
    private final MediaConfig config;
    private final Clock clock;

    StreamService(
            Transactions transactions,
            StreamRepository streams,
            SaleEvents events,
            SaleQueries sales,
            MediaEngine engine,
            MediaSecrets secrets,
            MediaConfig config,
            Clock clock) {
        this.transactions = transactions;
        this.streams = streams;
        this.events = events;
        this.sales = sales;
        this.engine = engine;
        this.secrets = secrets;
        this.config = config;
        this.clock = clock;
    }

    /** The sale's stream settings for its host or an admin; the first look makes its key. */
    public Uni<MediaApi.StreamSettings> settings(Caller caller, UUID saleId) {
        return ensured(caller, saleId).map(s -> settings(s.stream(), s.status()));
    }

    /** A new key: the old one is refused from now on and its publisher is cut off. */
    public Uni<MediaApi.StreamSettings> rotate(Caller caller, UUID saleId) {
        String key = secrets.keys().newKey();
        Instant now = clock.instant();
        return ensured(caller, saleId)
                .flatMap(
                        x -> transactions.inTransaction(tx -> locked(tx, saleId).call(before -> streams.rotate(
                                        tx, saleId, secrets.keys().encrypt(saleId, key), StreamKeys.hash(key), now)
                                .flatMap(y -> announce(tx, before, VideoStatus.IDLE, null, now)))))
                .call(before -> dropQuietly(
                        before.stream().streamName(), before.stream().publisher()))
                .flatMap(before -> streams.find(transactions.autoCommit(), saleId)
                        .map(after -> settings(after.orElseThrow(), before.status())));
    }

    /** The sale's row locked ({@link SaleEvents#lock}), then its stream as it is under that lock. */
    private Uni<Known> locked(Tx tx, UUID saleId) {
        return events.lock(tx, saleId).map(Optional::orElseThrow).flatMap(sale -> streams.find(tx, saleId)
                .map(found -> new Known(found.orElseThrow(), sale)));
    }

    /**
     * The engine asks whether a publisher may start; the answer is the name the engine should
     * serve the stream as (the sale id and a random part, never the key), or a refusal.
     */
    public Uni<String> publish(String key, String engineId, String clientId) {
        if (!StreamKeys.plausible(key) || clientId == null || clientId.isBlank()) {
            return refused("unknown stream key");
        }
        String publisher = engineId + ":" + clientId;
        byte[] hash = StreamKeys.hash(key);
        Instant now = clock.instant();
        return streams.byKeyHash(hash).flatMap(found -> {
            if (found.isEmpty()) {
                return refused("unknown stream key (rotated or never issued)");
            }
            UUID saleId = found.get().saleId();
            String name = saleId + "-" + HexFormat.of().formatHex(StreamKeys.hash(secrets.token(9)), 0, 4);
            return transactions.inTransaction(tx -> events.lock(tx, saleId)
                    .flatMap(x -> sales.facts(tx, saleId))
                    .map(Optional::orElseThrow)
                    .flatMap(sale -> streams.find(tx, saleId)
                            .flatMap(current ->
                                    accepted(tx, found.get(), current.orElseThrow(), sale, publisher, name, now))));
        });
    }

    /** Judged again under the sale's lock: a rotation or a rival may have won meanwhile. */
    private Uni<String> accepted(
            Tx tx,
            StreamRepository.Stream found,
            StreamRepository.Stream s,
            SaleFacts sale,
            String publisher,
            String name,
            Instant now) {
        if (!s.keyCiphertext().equals(found.keyCiphertext())) {
            return refused("the stream key was just rotated");
        }
        StreamRules.Decision decision = StreamRules.publish(
                s.stored(),
                sale.status(),
                sale.startsAt(),
                now,
                config.previewBefore(),
                publisher,
                config.publisherTimeout());
        if (!decision.accepted()) {
            return refused(decision.refusal());
        }
        String playbackUrl = engine.playbackUrl(name);
        return streams.accept(tx, sale.id(), publisher, name, playbackUrl, decision.status(), now)
                .flatMap(y -> announce(tx, new Known(s, sale.status()), decision.status(), playbackUrl, now))
                .invoke(y -> Log.infof("Sale %s: publisher %s accepted (%s)", sale.id(), publisher, decision.status()))
                .replaceWith(name);
    }

    /** The engine says a publisher stopped; only the publisher that holds the stream releases it. */
    public Uni<Void> publishDone(String engineId, String clientId) {
        return released(engineId + ":" + clientId);
    }

    /** The engine's periodic question about a publisher: false means "cut it off". */
    public Uni<Boolean> stillWelcome(String engineId, String clientId) {
        return streams.touch(engineId + ":" + clientId, clock.instant());
    }

    /** A publisher is gone (stopped, cut off or silent): its stream becomes IDLE, if it still held it. */
    Uni<Void> released(String publisher) {
        Instant now = clock.instant();
        return streams.byPublisher(publisher)
                .flatMap(saleId -> saleId.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : transactions.inTransaction(tx -> locked(tx, saleId.get())
                                .flatMap(before -> streams.release(tx, saleId.get(), publisher, now)
                                        .flatMap(done -> done
                                                ? announce(tx, before, VideoStatus.IDLE, null, now)
                                                        .invoke(y -> Log.infof(
                                                                "Sale %s: publisher %s stopped",
                                                                saleId.get(), publisher))
                                                : Uni.createFrom().voidItem()))));
    }

    /**
     * Tells viewers when what they see changes: the sale's next {@code seq}, inside the
     * transaction, so it goes out only if the change commits.
     */
    private Uni<Void> announce(Tx tx, Known before, VideoStatus now, String playbackUrl, Instant at) {
        boolean available = engine.available();
        VideoStatus was = StreamRules.seenByViewers(before.stream().status(), before.status(), available);
        VideoStatus is = StreamRules.seenByViewers(now, before.status(), available);
        if (was == is && is != VideoStatus.LIVE) {
            return Uni.createFrom().voidItem();
        }
        SaleApi.Video video = new SaleApi.Video(is, is == VideoStatus.LIVE ? playbackUrl : null, null);
        long millis = at.toEpochMilli();
        return events.claimSeq(tx, before.stream().saleId(), 1)
                .flatMap(seq -> events.publish(
                        tx, List.of(SaleEvent.video(before.stream().saleId(), video, seq, millis))));
    }

    private Uni<Void> dropQuietly(String streamName, String publisher) {
        if (streamName == null || publisher == null || !publisher.startsWith(engine.engineId() + ":")) {
            return Uni.createFrom().voidItem();
        }
        return engine.drop(streamName, publisher.substring(publisher.indexOf(':') + 1))
                .onFailure()
                .recoverWithItem(failure -> {
                    Log.warnf("Could not drop the publisher of %s now (%s); the watcher retries", streamName, failure);
                    return false;
                })
                .replaceWithVoid();
    }

    /** A stream with the status of its sale as read with (or before) it. */
    private record Known(StreamRepository.Stream stream, SaleStatus status) {}

    /** The sale's stream, made on first use, after checking the caller may see its key. */
    private Uni<Known> ensured(Caller caller, UUID saleId) {
        Tx db = transactions.autoCommit();
        return sales.facts(db, saleId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Sale", saleId)))
                .invoke(sale -> allow(caller, sale.hostId()))
                .flatMap(sale -> streams.find(db, saleId).flatMap(found -> {
                    if (found.isPresent()) {
                        return Uni.createFrom().item(new Known(found.get(), sale.status()));
                    }
                    String key = secrets.keys().newKey();
                    return streams.insertIfAbsent(
                                    saleId, secrets.keys().encrypt(saleId, key), StreamKeys.hash(key), clock.instant())
                            .flatMap(x -> streams.find(db, saleId))
                            .map(stream -> new Known(stream.orElseThrow(), sale.status()));
                }));
    }

    private static void allow(Caller caller, UUID hostId) {
        if (!caller.is(Role.ADMIN) && !(caller.is(Role.HOST) && caller.id().equals(hostId))) {
            throw ProblemException.forbidden("Only the sale's host or an admin may see its stream settings");
        }
    }

    private MediaApi.StreamSettings settings(StreamRepository.Stream s, SaleStatus sale) {
        VideoStatus status = StreamRules.seenByHost(s.status(), sale, engine.available());
        boolean on = status == VideoStatus.LIVE || status == VideoStatus.PREVIEW;
        return new MediaApi.StreamSettings(
                engine.ingestUrl(),
                secrets.keys().decrypt(s.saleId(), s.keyCiphertext()),
                status,
                s.startedAt(),
                s.endedAt(),
                on ? s.playbackUrl() : null,
                on ? s.health() : null);
    }

    private static <T> Uni<T> refused(String why) {
        return Uni.createFrom().failure(new ProblemException(ProblemType.PUBLISH_REFUSED, "Publish refused: " + why));
    }
}
