package org.originlive.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server in the tests' JVM (GreenMail) on a free port, kept for the whole run; the app
 * sends to it through Quarkus Mailer with its mock switched off. Tests may stop and start it to
 * play an outage; it comes back on the same port.
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;
    private static int port;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            port = freePort();
            up();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop()));
        }
        return config();
    }

    /** The mailer settings that point at this server. */
    public static Map<String, String> config() {
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(port),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        // Kept for the whole run, as PostgreSQL is.
    }

    /** Starts a fresh server on the port (after {@link #down()}). */
    public static synchronized void up() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** Stops the server: connections are refused until {@link #up()}. */
    public static synchronized void down() {
        server.stop();
    }

    /** Every message received so far (since the server last started) to {@code address}. */
    public static synchronized List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
