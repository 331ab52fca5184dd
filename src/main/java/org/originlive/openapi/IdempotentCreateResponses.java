package org.originlive.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

/**
 * Expands {@link IdempotentCreate} into its 201 and 200 responses, first in the operation's list
 * as if written on the method. It runs at build time, before {@link ApiDocumentFilter}, which then
 * treats them like any declared response. Operations are matched by the generated
 * {@code Class_method} id (mp.openapi.extensions.smallrye.operationIdStrategy=CLASS_METHOD); an
 * annotated method missing from the document, or a body without a schema, fails the build.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IdempotentCreateResponses implements OASFilter {

    private static final DotName IDEMPOTENT_CREATE = DotName.createSimple(IdempotentCreate.class);
    private static final DotName SCHEMA =
            DotName.createSimple(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
    private static final String SCHEMAS = "#/components/schemas/";

    private record Answers(String schema, String created, String replayed) {}

    private final Map<String, Answers> byOperationId = new HashMap<>();

    public IdempotentCreateResponses(IndexView index) {
        for (AnnotationInstance annotation : index.getAnnotations(IDEMPOTENT_CREATE)) {
            MethodInfo method = annotation.target().asMethod();
            String id = method.declaringClass().simpleName() + "_" + method.name();
            Type body = annotation.value().asClass();
            byOperationId.put(
                    id,
                    new Answers(
                            schemaName(index, body.name()),
                            annotation.value("created").asString(),
                            annotation.value("replayed").asString()));
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Set<String> expanded = new HashSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem path : openAPI.getPaths().getPathItems().values()) {
                for (Operation op : path.getOperations().values()) {
                    Answers answers = byOperationId.get(op.getOperationId());
                    if (answers != null) {
                        requireSchema(openAPI, answers.schema());
                        op.setResponses(expand(op.getResponses(), answers));
                        expanded.add(op.getOperationId());
                    }
                }
            }
        }
        if (!expanded.equals(byOperationId.keySet())) {
            Set<String> missing = new HashSet<>(byOperationId.keySet());
            missing.removeAll(expanded);
            throw new IllegalStateException("@IdempotentCreate on operations the document lacks: " + missing);
        }
    }

    private static APIResponses expand(APIResponses declared, Answers answers) {
        APIResponses responses = OASFactory.createAPIResponses()
                .addAPIResponse("201", response(answers.created(), answers.schema()))
                .addAPIResponse("200", response(answers.replayed(), answers.schema()));
        if (declared != null) {
            if (declared.getAPIResponses() != null) {
                declared.getAPIResponses().forEach((status, response) -> {
                    if (!status.equals("201") && !status.equals("200")) {
                        responses.addAPIResponse(status, response);
                    }
                });
            }
            responses.setDefaultValue(declared.getDefaultValue());
            responses.setExtensions(declared.getExtensions());
        }
        return responses;
    }

    private static APIResponse response(String description, String schema) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                "application/json",
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref(SCHEMAS + schema))));
    }

    /** The component name SmallRye gives the class: its {@code @Schema(name)}, else its simple name. */
    private static String schemaName(IndexView index, DotName type) {
        ClassInfo info = index.getClassByName(type);
        AnnotationInstance schema = info == null ? null : info.declaredAnnotation(SCHEMA);
        if (schema != null && schema.value("name") != null && schema.target().kind() == AnnotationTarget.Kind.CLASS) {
            return schema.value("name").asString();
        }
        String local = type.withoutPackagePrefix();
        return local.substring(local.lastIndexOf('$') + 1);
    }

    private static void requireSchema(OpenAPI openAPI, String name) {
        boolean known = openAPI.getComponents() != null
                && openAPI.getComponents().getSchemas() != null
                && openAPI.getComponents().getSchemas().containsKey(name);
        if (!known) {
            throw new IllegalStateException("@IdempotentCreate body " + name + " is not a schema of the document");
        }
    }
}
