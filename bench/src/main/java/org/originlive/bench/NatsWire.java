package org.originlive.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * A subscriber that speaks NATS's text protocol itself on a Vert.x event loop: {@code CONNECT},
 * one {@code SUB} per sale, {@code PING} to know the subscriptions stand (as the app's flush does),
 * then {@code MSG} frames, answering the server's {@code PING}s. The bench's default for the 200
 * simulated replicas: jnats gives each connection its own reader and dispatcher threads, so 50
 * connections in a process cost two thread wake-ups per delivery, and on the one core the
 * simulation has here that, not the bus, would set the latency. A real replica has one connection
 * and pays that once per event, so what the server does is the same either way.
 */
final class NatsWire {

    private NatsWire() {}

    /** Connects, subscribes to every subject and completes once the server has them all. */
    static Future<NetSocket> subscribe(
            Vertx vertx, NetClient client, String url, String name, List<String> subjects, Consumer<String> payloads, Runnable lost) {
        String[] hostPort = url.replaceFirst("^nats://", "").split(":");
        Promise<NetSocket> ready = Promise.promise();
        client.connect(Integer.parseInt(hostPort[1]), hostPort[0]).onFailure(ready::tryFail).onSuccess(socket -> {
            RecordParser parser = RecordParser.newDelimited("\r\n");
            boolean[] inPayload = {false};
            parser.handler(record -> {
                if (inPayload[0]) {
                    payloads.accept(record.getString(0, record.length() - 2, StandardCharsets.UTF_8.name()));
                    inPayload[0] = false;
                    parser.delimitedMode("\r\n");
                } else if (record.length() > 4 && record.getByte(0) == 'M' && record.getByte(1) == 'S') {
                    // MSG <subject> <sid> [reply-to] <#bytes>
                    String line = record.toString(StandardCharsets.US_ASCII);
                    int size = Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
                    inPayload[0] = true;
                    parser.fixedSizeMode(size + 2);
                } else {
                    String line = record.toString(StandardCharsets.US_ASCII);
                    if (line.equals("PING")) {
                        socket.write("PONG\r\n");
                    } else if (line.equals("PONG")) {
                        ready.tryComplete(socket);
                    } else if (line.startsWith("-ERR")) {
                        ready.tryFail(line);
                    }
                }
            });
            socket.handler(parser);
            socket.closeHandler(x -> {
                lost.run();
                ready.tryFail("closed");
            });
            StringBuilder hello = new StringBuilder("CONNECT {\"verbose\":false,\"pedantic\":false,\"lang\":\"java\",\"version\":\"bench\",\"protocol\":1,\"name\":\"")
                    .append(name)
                    .append("\"}\r\n");
            for (int i = 0; i < subjects.size(); i++) {
                hello.append("SUB ").append(subjects.get(i)).append(' ').append(i + 1).append("\r\n");
            }
            socket.write(Buffer.buffer(hello.append("PING\r\n").toString()));
        });
        return ready.future();
    }
}
