package org.originlive.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelHandlerContext;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.originlive.common.Problem;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.ratelimit.RateLimitConfig;

/**
 * Runs before every WebSocket upgrade. Refuses a client address over its caps with 429 and
 * {@code Retry-After} before any socket exists, and hands the connection's Netty channel to
 * {@link SaleSocket} (through the connection's user data) so broadcasts can be written to it as
 * pre-encoded bytes. The client address is the request's {@code remoteAddress()}: the peer, or the
 * forwarded one only behind a proxy the operator trusts through {@code quarkus.http.proxy.*}.
 */
@ApplicationScoped
public class SocketGate implements HttpUpgradeCheck {

    /** Before the other HTTP filters: a refused handshake costs nothing more. */
    private static final int FILTER_PRIORITY = 1_000;

    static final UserData.TypedKey<ChannelHandlerContext> CHANNEL = new UserData.TypedKey<>("originlive.channel");

    private final AddressLimits limits;
    private final LiveMetrics metrics;
    private final boolean enabled;

    SocketGate(LiveConfig config, LiveMetrics metrics, RateLimitConfig rateLimits) {
        this.limits = new AddressLimits(config.maxSocketsPerAddress(), config.newSocketsPerSecondPerAddress());
        this.metrics = metrics;
        this.enabled = rateLimits.enabled();
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        if (!(request.connection() instanceof ConnectionBase connection)) {
            Log.warnf("Refusing a WebSocket on an unexpected connection type %s", request.connection());
            return CheckResult.rejectUpgrade(503);
        }
        ChannelHandlerContext channel = connection.channelHandlerContext();
        if (enabled) {
            String address = address(request);
            AddressLimits.Refusal refusal = limits.tryOpen(address, System.nanoTime());
            if (refusal != null) {
                metrics.refused(refusal.reason());
                return CheckResult.rejectUpgrade(429, headers(refusal));
            }
            channel.channel().closeFuture().addListener(closed -> limits.closed(address, System.nanoTime()));
        }
        context.userData().put(CHANNEL, channel);
        return CheckResult.permitUpgrade();
    }

    /**
     * Answers a handshake over the caps with 429 problem+json before WebSockets Next sees it (its
     * upgrade check can only send an empty 429); {@link #perform} still does the counting, so a
     * socket that races past this check is refused there, without a body.
     */
    void refuseEarly(@Observes Filters filters, ObjectMapper json) {
        filters.register(
                ctx -> {
                    HttpServerRequest request = ctx.request();
                    AddressLimits.Refusal refusal = enabled
                                    && request.path().startsWith("/ws/")
                                    && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))
                            ? limits.wouldRefuse(address(request), System.nanoTime())
                            : null;
                    if (refusal == null) {
                        ctx.next();
                        return;
                    }
                    metrics.refused(refusal.reason());
                    HttpServerResponse response = ctx.response().setStatusCode(429);
                    headers(refusal).forEach(response::putHeader);
                    response.putHeader("Content-Type", Problem.MEDIA_TYPE).end(problem(json, refusal));
                },
                FILTER_PRIORITY);
    }

    private static String problem(ObjectMapper json, AddressLimits.Refusal refusal) {
        String detail = "Too many WebSockets from this address (" + refusal.reason() + "); retry in "
                + refusal.retryAfterSeconds() + " s";
        try {
            return json.writeValueAsString(new ProblemException(ProblemType.RATE_LIMITED, detail).toProblem());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem is a plain record", e);
        }
    }

    @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        limits.prune(System.nanoTime());
    }

    private static String address(HttpServerRequest request) {
        var remote = request.remoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.hostAddress() != null ? remote.hostAddress() : remote.host();
    }

    private static Map<String, List<String>> headers(AddressLimits.Refusal refusal) {
        String retry = String.valueOf(refusal.retryAfterSeconds());
        return Map.of(
                "Retry-After", List.of(retry),
                "RateLimit-Limit", List.of(String.valueOf(refusal.limit())),
                "RateLimit-Remaining", List.of("0"),
                "RateLimit-Reset", List.of(retry));
    }
}
