package org.originlive.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One fixed local address that forwards TCP to a server that can change, as CloudNativePG's
 * {@code -rw} Service does after a failover. New connections go to the current target; one the
 * target refuses is closed at once, as a Service without a ready endpoint refuses it.
 */
public final class TcpForwarder implements AutoCloseable {

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "tcp-forwarder");
        thread.setDaemon(true);
        return thread;
    });
    private volatile int target;

    private TcpForwarder(ServerSocket server, int target) {
        this.server = server;
        this.target = target;
    }

    /** Listens on a free local port and forwards to {@code targetPort} on localhost. */
    public static TcpForwarder to(int targetPort) {
        try {
            TcpForwarder forwarder =
                    new TcpForwarder(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()), targetPort);
            forwarder.threads.execute(forwarder::acceptAll);
            return forwarder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections opened from now on go to {@code targetPort}; open ones stay where they are. */
    public void pointTo(int targetPort) {
        target = targetPort;
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> forward(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void forward(Socket client) {
        open.add(client);
        try {
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
            open.add(upstream);
            // PostgreSQL's protocol is many small messages: Nagle's delay would stall each one.
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            threads.execute(() -> pump(upstream, client));
            pump(client, upstream);
        } catch (IOException e) {
            close(client);
        }
    }

    // Either side ending ends both, as a killed server's connections end.
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // reset or closed: handled below
        } finally {
            close(from);
            close(to);
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        open.forEach(this::close);
        threads.shutdownNow();
    }
}
