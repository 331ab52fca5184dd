package org.originlive.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A cooperative's system receiving webhooks, on loopback in this JVM: records every request per
 * path (when, headers, body) and answers what the test scripted for that path (200 when nothing is).
 */
public final class WebhookReceiver {

    public record Request(Instant at, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** A scripted answer: status and, for redirects, where to. */
    public record Answer(int status, String location) {}

    private static WebhookReceiver instance;

    private final HttpServer server;
    private final Map<String, List<Request>> seen = new ConcurrentHashMap<>();
    private final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();

    private WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.computeIfAbsent(path, p -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(new Request(Instant.now(), headers, body));
            Deque<Answer> answers = script.get(path);
            Answer answer = answers == null || answers.isEmpty() ? new Answer(200, null) : answers.poll();
            if (answer.location() != null) {
                exchange.getResponseHeaders().add("Location", answer.location());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
    }

    public static synchronized WebhookReceiver get() {
        if (instance == null) {
            instance = new WebhookReceiver();
        }
        return instance;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The next answers on {@code path}, in order; 200 after them. */
    public void answer(String path, Answer... answers) {
        script.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
    }

    public List<Request> seen(String path) {
        List<Request> list = seen.get(path);
        return list == null ? List.of() : List.copyOf(list);
    }

    public int total() {
        return seen.values().stream().mapToInt(List::size).sum();
    }

    /** The test's own check of a signature: hex HMAC-SHA256 of "t.body" under the secret's UTF-8 bytes. */
    public static String sign(String secret, String t, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The v1 signatures of a header, in order, after checking t is present. */
    public static List<String> signatures(String header) {
        List<String> v1 = new ArrayList<>();
        for (String part : header.split(",")) {
            if (part.startsWith("v1=")) {
                v1.add(part.substring(3));
            }
        }
        return v1;
    }

    public static String timestamp(String header) {
        return header.split(",")[0].replaceFirst("^t=", "");
    }
}
