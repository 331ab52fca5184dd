package org.originlive.common;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests to addresses third parties give us (webhook targets, push services) without letting
 * them reach ours (no SSRF): {@code https} on port 443 only; the host is resolved (on a worker
 * thread) and refused unless every address it resolves to is public ({@link PublicAddresses});
 * the connection then goes to the address that was checked, so a second lookup cannot swap it,
 * and redirects are never followed. {@code ORIGINLIVE_WEBHOOKS_ALLOW_HTTP=true} also admits
 * {@code http://} to loopback, for local tests, with a warning at start-up.
 */
@ApplicationScoped
public class OutboundGuard {

    /** A response: its status and the first {@value #KEPT_BYTES} bytes of its body. */
    public record Reply(int status, String body) {}

    /** The URL may not be reached now; the message says why and is safe to show its owner. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Resolves a host name: {@link InetAddress#getAllByName} in production; blocking. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final int KEPT_BYTES = 1024;
    private static final int MAX_URL = 2048;

    private record Target(URI uri, InetAddress address) {}

    private final Vertx vertx;
    private final HttpClient client;
    private final boolean allowHttp;
    private final Resolver resolver;

    @Inject
    OutboundGuard(Vertx vertx, @ConfigProperty(name = "originlive.webhooks.allow-http") boolean allowHttp) {
        this(vertx, allowHttp, InetAddress::getAllByName);
    }

    public OutboundGuard(Vertx vertx, boolean allowHttp, Resolver resolver) {
        this.vertx = vertx;
        this.allowHttp = allowHttp;
        this.resolver = resolver;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(5_000)
                .setVerifyHost(true)
                .setForceSni(true)
                .setMaxPoolSize(50)
                .setKeepAliveTimeout(30));
    }

    void warn(@Observes StartupEvent event) {
        if (allowHttp) {
            Log.warn("ORIGINLIVE_WEBHOOKS_ALLOW_HTTP=true: webhook and push URLs may be http:// to loopback."
                    + " For local tests only; never in production");
        }
    }

    /** Resolves and checks {@code url} without sending anything; 422 on {@code field} when refused. */
    public Uni<URI> check(String url, String field) {
        return target(url)
                .map(Target::uri)
                .onFailure(Refused.class)
                .transform(e -> ProblemException.invalid(field, e.getMessage()));
    }

    /**
     * POSTs {@code body} to {@code url}, checked again now, to the checked address, following no
     * redirect: fails with {@link Refused} when the URL is refused, with the I/O failure when the
     * target does not answer within {@code timeout}.
     */
    public Uni<Reply> post(String url, Map<String, String> headers, byte[] body, Duration timeout) {
        return target(url).flatMap(t -> send(t, headers, body, timeout));
    }

    private Uni<Target> target(String url) {
        return Uni.createFrom().item(() -> parse(url)).flatMap(uri -> vertx.executeBlocking(
                        Uni.createFrom().item(() -> resolve(uri.getHost())))
                .map(addresses -> new Target(uri, checked(uri, addresses))));
    }

    private URI parse(String url) {
        URI uri;
        try {
            uri = url == null || url.length() > MAX_URL ? null : new URI(url).parseServerAuthority();
        } catch (Exception e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
            throw new Refused("must be an absolute https URL of at most " + MAX_URL + " characters");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry a user name or password");
        }
        String scheme = uri.getScheme().toLowerCase();
        if (scheme.equals("https")) {
            if (uri.getPort() != -1 && uri.getPort() != 443) {
                throw new Refused("https URLs must use port 443");
            }
        } else if (!(scheme.equals("http") && allowHttp)) {
            throw new Refused("must be an https URL");
        }
        return uri;
    }

    private InetAddress[] resolve(String host) {
        try {
            return resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new Refused("host " + host + " does not resolve");
        }
    }

    private InetAddress checked(URI uri, InetAddress[] addresses) {
        boolean http = uri.getScheme().equalsIgnoreCase("http");
        for (InetAddress a : addresses) {
            if (http ? !a.isLoopbackAddress() : !PublicAddresses.isPublic(a)) {
                throw new Refused(
                        http
                                ? "http URLs may only reach loopback (ORIGINLIVE_WEBHOOKS_ALLOW_HTTP); " + uri.getHost()
                                        + " resolves to " + a.getHostAddress()
                                : uri.getHost() + " resolves to " + a.getHostAddress()
                                        + ", a private, loopback, link-local or reserved address");
            }
        }
        if (addresses.length == 0) {
            throw new Refused("host " + uri.getHost() + " does not resolve");
        }
        return addresses[0];
    }

    private Uni<Reply> send(Target t, Map<String, String> headers, byte[] body, Duration timeout) {
        URI uri = t.uri();
        boolean tls = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, t.address().getHostAddress()))
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(tls)
                .setURI(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery())
                .setFollowRedirects(false)
                .setIdleTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        return client.request(options)
                .flatMap(request -> request.send(Buffer.buffer(body)))
                .flatMap(OutboundGuard::reply)
                .ifNoItem()
                .after(timeout)
                .failWith(() -> new java.util.concurrent.TimeoutException("no answer within " + timeout));
    }

    private static Uni<Reply> reply(HttpClientResponse response) {
        return response.toMulti()
                .collect()
                .in(io.vertx.core.buffer.Buffer::buffer, (kept, chunk) -> {
                    int room = KEPT_BYTES - kept.length();
                    if (room > 0) {
                        kept.appendBuffer(chunk.getDelegate(), 0, Math.min(room, chunk.length()));
                    }
                })
                .map(kept -> new Reply(response.statusCode(), kept.toString(StandardCharsets.UTF_8)));
    }
}
