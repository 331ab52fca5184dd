package org.originlive.bench;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.Dispatcher;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One process of simulated replicas: N connections to the bus, each subscribed to every sale as a
 * replica whose viewers watch them all: on NATS a subject per sale, as {@code NatsBus} subscribes,
 * read by {@link NatsWire} on Vert.x event loops ({@code nats}) or, as the app does, by jnats with
 * one connection and one dispatcher per replica ({@code jnats}); on PostgreSQL, as
 * {@code SaleListener} does, one LISTEN connection per replica ({@code pg}). Driven by {@link BusBench} over stdin/stdout:
 * {@code ready <nanoTime>} when every connection listens, then {@code window <rowStart> <from> <to>},
 * {@code report} (answered by a {@code stats} line) and {@code quit}.
 *
 * <p>{@code BusReplicas nats|jnats <url> <connections> <sales> <process>} or {@code BusReplicas pg <port> ...}
 */
public final class BusReplicas {

    private static Vertx vertx;
    private static NetClient netClient;

    public static void main(String[] args) throws Exception {
        String bus = args[0];
        String where = args[1];
        int connections = Integer.parseInt(args[2]);
        List<String> sales = BusEvent.sales(Integer.parseInt(args[3]));
        String name = "replica-" + args[4] + "-";
        BusTally tally = new BusTally(connections, sales);
        List<AutoCloseable> open = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            open.add(
                    switch (bus) {
                        case "nats" -> wire(where, name + i, i, sales, tally);
                        case "jnats" -> jnats(where, name + i, i, sales, tally);
                        default -> postgres(Integer.parseInt(where), i, tally);
                    });
        }
        say("ready " + System.nanoTime());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            String[] f = line.split(" ");
            if (f[0].equals("window")) {
                tally.window(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
            } else if (f[0].equals("report")) {
                say(tally.report());
            }
        }
        for (AutoCloseable c : open) {
            c.close();
        }
        System.exit(0);
    }

    private static AutoCloseable wire(String url, String name, int index, List<String> sales, BusTally tally)
            throws Exception {
        if (vertx == null) {
            vertx = Vertx.vertx();
            netClient = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
        }
        NetSocket socket = NatsWire.subscribe(
                        netClient,
                        url,
                        name,
                        sales.stream().map(s -> BusEvent.SUBJECT + s).toList(),
                        payload -> tally.heard(index, payload),
                        tally::lostConnection)
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        return socket::close;
    }

    private static AutoCloseable jnats(String url, String name, int index, List<String> sales, BusTally tally)
            throws Exception {
        Options options = new Options.Builder()
                .server(url)
                .connectionName(name)
                .maxReconnects(-1)
                .reconnectWait(Duration.ofSeconds(1))
                .connectionListener((conn, event) -> {
                    if (event == ConnectionListener.Events.DISCONNECTED) {
                        tally.lostConnection();
                    }
                })
                .errorListener(new ErrorListener() {
                    @Override
                    public void slowConsumerDetected(Connection conn, Consumer consumer) {
                        tally.lostConnection();
                    }
                })
                .build();
        Connection connection = Nats.connect(options);
        Dispatcher dispatcher = connection.createDispatcher(
                message -> tally.heard(index, new String(message.getData(), StandardCharsets.UTF_8)));
        for (String sale : sales) {
            dispatcher.subscribe(BusEvent.SUBJECT + sale);
        }
        connection.flush(Duration.ofSeconds(10));
        return connection::close;
    }

    private static AutoCloseable postgres(int port, int index, BusTally tally) throws Exception {
        if (vertx == null) {
            vertx = Vertx.vertx();
        }
        PgConnectOptions options = new PgConnectOptions()
                .setHost("localhost")
                .setPort(port)
                .setDatabase("postgres")
                .setUser("postgres")
                .setPassword("postgres");
        PgConnection connection = PgConnection.connect(vertx, options)
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        connection.notificationHandler(note -> tally.heard(index, note.getPayload()));
        connection.closeHandler(x -> tally.lostConnection());
        connection
                .query("LISTEN " + BusEvent.CHANNEL)
                .execute()
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        return connection::close;
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
