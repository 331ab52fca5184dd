package org.originlive.bench;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
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
 * connections in a process cost two thread wake-ups per delivery, and on the few cores the
 * simulation has here that, not the bus, would set the latency. A real replica has one connection
 * and pays that once per event, so what the server does is the same either way.
 */
final class NatsWire {

    private NatsWire() {}

    /** Connects, subscribes to every subject and completes once the server has them all. */
    static Future<NetSocket> subscribe(
            NetClient client,
            String url,
            String name,
            List<String> subjects,
            Consumer<String> payloads,
            Runnable lost) {
        String[] hostPort = url.replaceFirst("^nats://", "").split(":");
        Promise<NetSocket> ready = Promise.promise();
        client.connect(Integer.parseInt(hostPort[1]), hostPort[0])
                .onFailure(ready::tryFail)
                .onSuccess(socket -> {
                    socket.handler(new Reader(socket, ready, payloads));
                    socket.closeHandler(x -> {
                        lost.run();
                        ready.tryFail("closed");
                    });
                    socket.write(hello(name, subjects));
                });
        return ready.future();
    }

    private static Buffer hello(String name, List<String> subjects) {
        StringBuilder hello = new StringBuilder("CONNECT {\"verbose\":false,\"pedantic\":false,\"lang\":\"java\"")
                .append(",\"version\":\"bench\",\"protocol\":1,\"name\":\"")
                .append(name)
                .append("\"}\r\n");
        for (int i = 0; i < subjects.size(); i++) {
            hello.append("SUB ")
                    .append(subjects.get(i))
                    .append(' ')
                    .append(i + 1)
                    .append("\r\n");
        }
        return Buffer.buffer(hello.append("PING\r\n").toString());
    }

    /** Splits what the server sends into protocol lines and, after a {@code MSG} line, its payload. */
    private static final class Reader implements Handler<Buffer> {
        private final RecordParser parser = RecordParser.newDelimited("\r\n");
        private final NetSocket socket;
        private final Promise<NetSocket> ready;
        private final Consumer<String> payloads;
        private boolean inPayload;

        Reader(NetSocket socket, Promise<NetSocket> ready, Consumer<String> payloads) {
            this.socket = socket;
            this.ready = ready;
            this.payloads = payloads;
            parser.handler(this::record);
        }

        @Override
        public void handle(Buffer chunk) {
            parser.handle(chunk);
        }

        private void record(Buffer record) {
            if (inPayload) {
                // the payload and its trailing CRLF
                payloads.accept(record.getString(0, record.length() - 2, StandardCharsets.UTF_8.name()));
                inPayload = false;
                parser.delimitedMode("\r\n");
                return;
            }
            int size = payloadSize(record);
            if (size >= 0) {
                inPayload = true;
                parser.fixedSizeMode(size + 2);
                return;
            }
            String line = record.toString(StandardCharsets.US_ASCII);
            if (line.equals("PING")) {
                socket.write("PONG\r\n");
            } else if (line.equals("PONG")) {
                ready.tryComplete(socket);
            } else if (line.startsWith("-ERR")) {
                ready.tryFail(line);
            }
        }

        /** For {@code MSG <subject> <sid> [reply-to] <#bytes>}, the payload's size (read in place: one per delivery); else -1. */
        private static int payloadSize(Buffer line) {
            if (line.length() < 6 || line.getByte(0) != 'M' || line.getByte(1) != 'S' || line.getByte(2) != 'G') {
                return -1;
            }
            int size = 0;
            int digit = 1;
            for (int i = line.length() - 1; line.getByte(i) != ' '; i--) {
                size += (line.getByte(i) - '0') * digit;
                digit *= 10;
            }
            return size;
        }
    }
}
