package org.originlive.common;

import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

/**
 * The {@code page}/{@code size} bean parameter of the list endpoints: a bad value is a 400
 * problem+json saying which one and why, on public and secured lists alike, and a secured list
 * still asks for a token first.
 */
@QuarkusTest
class PageParamsTest {

    private static final Map<String, String> BAD = Map.of(
            "page=abc", "page must be an integer",
            "size=1.5", "size must be an integer",
            "page=-1", "page must be 0 or more",
            "size=0", "size must be between 1 and 100",
            "size=101", "size must be between 1 and 100");

    @Test
    void aPublicListAnswersABadPageOrSizeWithA400Problem() {
        BAD.forEach((query, detail) -> assertBadRequest(anonymous(), "/api/cooperatives?" + query, detail));
        BAD.forEach((query, detail) -> assertBadRequest(anonymous(), "/api/sales?" + query, detail));
    }

    @Test
    void aSecuredListAnswersABadPageOrSizeWithA400Problem() {
        String buyer = Api.consumer();
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        BAD.forEach((query, detail) -> assertBadRequest(as(buyer), "/api/orders?" + query, detail));
        BAD.forEach((query, detail) ->
                assertBadRequest(as(staff), "/api/cooperatives/" + coop + "/payouts?" + query, detail));
    }

    @Test
    void goodAndAbsentValuesArePagedAsBefore() {
        anonymous()
                .get("/api/cooperatives?page=0&size=100")
                .then()
                .statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(100));
        as(Api.consumer())
                .get("/api/orders?page=&size=")
                .then()
                .statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(20));
    }

    @Test
    void aSecuredListWithoutATokenIsA401BeforeItsParametersAreRead() {
        anonymous()
                .get("/api/orders?page=abc")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://originlive.org/problems/unauthorized"));
    }

    private static void assertBadRequest(RequestSpecification request, String path, String detail) {
        request.get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://originlive.org/problems/bad-request"))
                .body("status", equalTo(400))
                .body("detail", equalTo(detail));
    }
}
