package org.originlive.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originlive.support.Api.anonymous;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every {@link IdempotentCreate} endpoint's 201 and 200 are in the served document, completed by the filter. */
@QuarkusTest
class IdempotentCreateDocumentTest {

    @Test
    void everyIdempotentCreateDocumentsItsCreatedAndReplayedAnswers() throws Exception {
        JsonNode document = new ObjectMapper()
                .readTree(anonymous()
                        .get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        Map<String, JsonNode> byId = new HashMap<>();
        document.get("paths")
                .forEach(path -> path.forEach(op -> {
                    if (op.has("operationId")) {
                        byId.put(op.get("operationId").asText(), op);
                    }
                }));
        List<String> checked = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.originlive")) {
            for (JavaMethod method : type.getMethods()) {
                if (method.isAnnotatedWith(IdempotentCreate.class)) {
                    IdempotentCreate create = method.getAnnotationOfType(IdempotentCreate.class);
                    String id = OperationAccess.operationId(type.getSimpleName() + "_" + method.getName());
                    assertThat(byId).as(id).containsKey(id);
                    check(id, byId.get(id).get("responses"), create);
                    checked.add(id);
                }
            }
        }
        assertThat(checked)
                .contains("checkoutOrderFromSale", "checkoutOrderFromStorefront", "refundRequest", "payoutRequest");
    }

    private static void check(String id, JsonNode responses, IdempotentCreate create) {
        List<String> statuses = new ArrayList<>();
        responses.fieldNames().forEachRemaining(statuses::add);
        assertThat(statuses).as(id + " answers, in order").startsWith("201", "200");
        String ref = "#/components/schemas/" + create.value().getSimpleName();
        assertThat(responses.at("/201/description").asText()).isEqualTo(create.created());
        assertThat(responses.at("/200/description").asText()).isEqualTo(create.replayed());
        for (String status : List.of("201", "200")) {
            assertThat(responses
                            .get(status)
                            .at("/content/application~1json/schema/$ref")
                            .asText())
                    .as(id + " " + status)
                    .isEqualTo(ref);
        }
        assertThat(statuses).as(id + " still has the filter's answers").contains("400", "401", "422", "503");
        if (statuses.contains("429")) {
            assertThat(responses.at("/201/headers").has("RateLimit-Limit"))
                    .as(id + " 201 RateLimit headers")
                    .isTrue();
        }
    }
}
