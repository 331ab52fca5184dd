package org.originlive.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.Paths;
import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;
import org.originlive.checkout.CheckoutResource;
import org.originlive.order.OrderApi;

/** The build-time expansion of {@link IdempotentCreate}, on hand-made documents of checkout's two creates. */
class IdempotentCreateResponsesTest {

    private static final String FROM_SALE = "CheckoutResource_orderFromSale";
    private static final String FROM_STOREFRONT = "CheckoutResource_orderFromStorefront";

    @Test
    void theCreatedAndReplayedAnswersComeFirstAndReplaceDeclaredOnes() throws IOException {
        Operation op = OASFactory.createOperation()
                .operationId(FROM_SALE)
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("OK"))
                        .addAPIResponse("409", OASFactory.createAPIResponse().description("sold-out")));
        OpenAPI document = document(true, op, OASFactory.createOperation().operationId(FROM_STOREFRONT));

        filter().filterOpenAPI(document);

        assertThat(op.getResponses().getAPIResponses().keySet()).containsExactly("201", "200", "409");
        assertThat(op.getResponses().getAPIResponse("201").getDescription()).isEqualTo("The order, RESERVED");
        assertThat(op.getResponses().getAPIResponse("200").getDescription())
                .isEqualTo("The same order: a repeat with the same Idempotency-Key and body");
        assertThat(op.getResponses()
                        .getAPIResponse("200")
                        .getContent()
                        .getMediaType("application/json")
                        .getSchema()
                        .getRef())
                .isEqualTo("#/components/schemas/OrderView");
        assertThat(op.getResponses().getAPIResponse("409").getDescription()).isEqualTo("sold-out");
    }

    @Test
    void anAnnotatedMethodMissingFromTheDocumentFailsTheBuild() throws IOException {
        OpenAPI document = document(true, OASFactory.createOperation().operationId(FROM_SALE));
        assertThatThrownBy(() -> filter().filterOpenAPI(document))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(FROM_STOREFRONT);
    }

    @Test
    void aBodyThatIsNotASchemaOfTheDocumentFailsTheBuild() throws IOException {
        OpenAPI document = document(
                false,
                OASFactory.createOperation().operationId(FROM_SALE),
                OASFactory.createOperation().operationId(FROM_STOREFRONT));
        assertThatThrownBy(() -> filter().filterOpenAPI(document))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OrderView");
    }

    private static IdempotentCreateResponses filter() throws IOException {
        return new IdempotentCreateResponses(Index.of(CheckoutResource.class, OrderApi.OrderView.class));
    }

    private static OpenAPI document(boolean withSchema, Operation... ops) {
        Paths paths = OASFactory.createPaths();
        for (int i = 0; i < ops.length; i++) {
            paths.addPathItem("/path" + i, OASFactory.createPathItem().POST(ops[i]));
        }
        OpenAPI document = OASFactory.createOpenAPI().paths(paths).components(OASFactory.createComponents());
        if (withSchema) {
            document.getComponents().addSchema("OrderView", OASFactory.createSchema());
        }
        return document;
    }
}
