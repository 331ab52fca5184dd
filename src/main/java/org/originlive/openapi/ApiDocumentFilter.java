package org.originlive.openapi;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Adds to every operation of the served document what the app does for every endpoint, so a new
 * endpoint is described truthfully without per-endpoint work: a stable operationId and the bearer
 * security ({@link OperationAccess}), problem+json error responses ({@link ProblemResponses}), the
 * rate-limit headers of operations that declare a 429 ({@link RateLimitHeaders}) and the bounds
 * the code holds values to ({@link Bounds}). The static parts (the Problem schema, the headers,
 * the server) are in META-INF/openapi.yaml; SmallRye adds 400, 401/403 and the roles' security
 * requirements from the annotations, and this completes them. What only one endpoint answers
 * (201, 409, 429 ...) stays in its resource's annotations; this fills their bodies.
 */
public class ApiDocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Set<String> ids = new LinkedHashSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (Map.Entry<String, PathItem> path :
                    openAPI.getPaths().getPathItems().entrySet()) {
                for (Operation op : path.getValue().getOperations().values()) {
                    complete(path.getKey(), op, ids);
                }
            }
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(Bounds::boundIntegers);
        }
    }

    private static void complete(String path, Operation op, Set<String> ids) {
        OperationAccess.Access access = OperationAccess.complete(path, op, ids);
        if (op.getParameters() != null) {
            op.getParameters().forEach(Bounds::describeParameter);
        }
        ProblemResponses.complete(path, op, access);
        RateLimitHeaders.complete(op);
        Bounds.walk(op);
    }
}
