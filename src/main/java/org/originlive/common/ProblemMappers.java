package org.originlive.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where failures become RFC 9457 problem+json responses. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response retryLater(RetryLater e) {
        Response.ResponseBuilder response =
                Response.fromResponse(respond(e.toProblem())).header("Retry-After", e.retryAfterSeconds());
        if (e.limit() != null) {
            response.header("RateLimit-Limit", e.limit())
                    .header("RateLimit-Remaining", 0)
                    .header("RateLimit-Reset", e.retryAfterSeconds());
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(leafName(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail =
                violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return respond(new ProblemException(ProblemType.VALIDATION, detail, violations).toProblem());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof UnsafeTextException unsafe) {
            String field = path(unsafe);
            return respond(ProblemException.invalid(field, unsafe.reason()).toProblem());
        }
        return respond(ProblemException.badRequest(describe(e)).toProblem());
    }

    // Jackson's own mapper for these answers an empty 400; ours says which field is wrong.
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(ProblemException.forbidden("Your role may not do this").toProblem());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = status == 404 ? "No such resource" : type.title();
        return respond(new ProblemException(type, detail).toProblem());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        Throwable database = Failures.databaseUnavailable(e);
        if (database != null) {
            Log.warnf("Database unavailable: %s", database.toString());
            return Response.status(503)
                    .header("Retry-After", "2")
                    .type(Problem.MEDIA_TYPE)
                    .entity(ProblemException.unavailable("The database is unavailable; retry shortly")
                            .toProblem())
                    .build();
        }
        ProblemException known = Failures.translate(e);
        if (known != null) {
            return respond(known.toProblem());
        }
        Log.error("Unhandled failure", e);
        return respond(new ProblemException(ProblemType.INTERNAL, "Unexpected error").toProblem());
    }

    private static Response unauthorized() {
        return Response.status(401)
                .header("WWW-Authenticate", "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(new ProblemException(ProblemType.UNAUTHORIZED, "A valid bearer token is required").toProblem())
                .build();
    }

    static Response respond(Problem problem) {
        Response.ResponseBuilder response =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 503) {
            response.header("Retry-After", "2");
        }
        return response.build();
    }

    private static String leafName(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name == null ? "" : name;
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "Field '" + path(invalid) + "' has an invalid value: " + invalid.getValue();
        }
        if (e instanceof MismatchedInputException mismatched
                && !mismatched.getPath().isEmpty()) {
            return "Field '" + path(mismatched) + "' has the wrong type";
        }
        return "Malformed JSON body";
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
