package org.originlive.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.originlive.common.Problem;

/**
 * The problem+json answers every endpoint can give (400 always; 401/403 when secured; 404 with
 * path parameters; 413/415/422 with a body; 503), and the Problem body on every 4xx and 5xx.
 * The Problem schema and the headers are static: META-INF/openapi.yaml.
 */
final class ProblemResponses {

    static final String PROBLEM = "#/components/schemas/Problem";
    private static final String HEADERS = "#/components/headers/";

    private static final Map<String, String> GENERIC = Map.of(
            "400", "Malformed JSON, a bad parameter or a value of the wrong type",
            "401", "Missing, expired or forged bearer token",
            "403", "The caller's role, tenant or ownership does not allow this",
            "404", "No such resource",
            "413", "The request body is over the endpoint's limit (64 KiB)",
            "415", "The body is not application/json",
            "422", "Well-formed but invalid; violations name the fields",
            "429", "Rate limited: retry after Retry-After seconds",
            "503", "A dependency such as the database is unavailable; retry after Retry-After seconds");

    private ProblemResponses() {}

    /** Adds the answers the operation can give and gives every error its Problem body. */
    static void complete(String path, Operation op, OperationAccess.Access access) {
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        boolean body = op.getRequestBody() != null;
        expect(responses, "400", true);
        expect(responses, "401", access.secured());
        expect(responses, "403", access.secured() && !access.roles().isEmpty());
        expect(responses, "404", path.contains("{"));
        expect(responses, "413", body);
        expect(responses, "415", body);
        expect(responses, "422", body);
        expect(responses, "503", true);
        responses.getAPIResponses().forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && !ownFormat(response)) {
                problem(status, response);
            }
        });
    }

    /** An answer in another party's own format (a provider's callback), declared with its content: kept. */
    private static boolean ownFormat(APIResponse response) {
        return response.getContent() != null
                && response.getContent().getMediaTypes() != null
                && !response.getContent().getMediaTypes().isEmpty()
                && !response.getContent().hasMediaType(Problem.MEDIA_TYPE);
    }

    static Header header(String name) {
        return OASFactory.createHeader().ref(HEADERS + name);
    }

    private static void expect(APIResponses responses, String status, boolean applies) {
        if (applies && !responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(GENERIC.get(status)));
        }
    }

    private static void problem(String status, APIResponse response) {
        String description = response.getDescription();
        if (description == null
                || description.isBlank()
                || description.equals("Not Authorized")
                || description.equals("Not Allowed")
                || description.equals("Bad Request")) {
            response.setDescription(GENERIC.getOrDefault(status, "Problem"));
        }
        response.setContent(OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM))));
        if (status.equals("429") || status.equals("503")) {
            response.addHeader("Retry-After", header("Retry-After"));
        }
        if (status.equals("401")) {
            response.addHeader("WWW-Authenticate", header("WWW-Authenticate"));
        }
    }
}
