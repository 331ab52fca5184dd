package org.originlive.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks every API request before its body is read: a declared body over the limit is 413, and a
 * path or query parameter with control characters or bidi overrides is 400 (so such text never
 * reaches a query). JSON bodies are checked field by field as they are parsed (see {@link SafeText}).
 */
public class RequestGuards {

    private final long maxBody;

    RequestGuards(HttpConfig config) {
        this.maxBody = config.maxBody().asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> bodySize(ContainerRequestContext request) {
        String declared = request.getHeaderString("Content-Length");
        if (declared == null) {
            return Optional.empty();
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return Optional.of(ProblemMappers.respond(ProblemException.badRequest("Content-Length is not a number")
                    .toProblem()));
        }
        if (length <= maxBody) {
            return Optional.empty();
        }
        return Optional.of(ProblemMappers.respond(new ProblemException(
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "The request body has " + length + " bytes; at most " + maxBody + " are accepted")
                .toProblem()));
    }

    @ServerRequestFilter
    public Optional<Response> parameters(UriInfo uri) {
        String bad = firstUnsafe(uri.getPathParameters());
        if (bad == null) {
            bad = firstUnsafe(uri.getQueryParameters());
        }
        return bad == null
                ? Optional.empty()
                : Optional.of(
                        ProblemMappers.respond(ProblemException.badRequest(bad).toProblem()));
    }

    private static String firstUnsafe(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            for (String value : entry.getValue()) {
                String problem = value == null ? null : SafeText.problem(value, false);
                if (problem != null) {
                    return "Parameter '" + entry.getKey() + "' " + problem;
                }
            }
        }
        return null;
    }
}
