package org.originlive.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The physical bound for the benchmark: a bare Vert.x WebSocket server that writes one pre-built
 * text frame to every open socket at a given rate, nothing else. One verticle per event loop, each
 * writing only to its own sockets. Controlled over HTTP by the load generator:
 * {@code POST /push?perSecond=R} with the frame as body, {@code POST /stop}.
 */
public final class BaselineServer extends AbstractVerticle {

    private static final String PUSH = "baseline.push";

    private final Set<ServerWebSocket> sockets = new LinkedHashSet<>();
    private long timer = -1;

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("BENCH_BASELINE_PORT", "18090"));
        Vertx vertx = Vertx.vertx(new VertxOptions());
        int loops = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;
        vertx.deployVerticle(
                        () -> new BaselineServer(port),
                        new DeploymentOptions().setInstances(loops))
                .onSuccess(id -> System.out.printf("baseline WebSocket server on %d, %d event loops%n", port, loops))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }

    private final int port;

    private BaselineServer(int port) {
        this.port = port;
    }

    @Override
    public void start() {
        vertx.eventBus().<JsonObject>consumer(PUSH, msg -> {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
            double perSecond = msg.body().getDouble("perSecond", 0.0);
            String frame = msg.body().getString("frame");
            if (perSecond > 0) {
                long periodMs = Math.max(1, Math.round(1000 / perSecond));
                timer = vertx.setPeriodic(periodMs, t -> {
                    for (ServerWebSocket socket : sockets) {
                        socket.writeTextMessage(frame);
                    }
                });
            }
        });
        vertx.createHttpServer(new HttpServerOptions().setPort(port))
                .webSocketHandler(socket -> {
                    sockets.add(socket);
                    socket.closeHandler(v -> sockets.remove(socket));
                    socket.exceptionHandler(e -> socket.close());
                })
                .requestHandler(req -> {
                    switch (req.path()) {
                        case "/push" -> req.body().onSuccess(body -> {
                            vertx.eventBus().publish(PUSH, new JsonObject()
                                    .put("perSecond", Double.parseDouble(req.getParam("perSecond", "0")))
                                    .put("frame", body.toString()));
                            req.response().end("ok");
                        });
                        case "/stop" -> {
                            vertx.eventBus().publish(PUSH, new JsonObject().put("perSecond", 0.0));
                            req.response().end("ok");
                        }
                        default -> req.response().setStatusCode(404).end();
                    }
                })
                .listen();
    }
}
