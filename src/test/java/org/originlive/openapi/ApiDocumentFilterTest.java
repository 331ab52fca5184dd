package org.originlive.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiDocumentFilterTest {

    @Test
    void theLongestMatchOfABoundedPatternIsItsMaxLength() {
        assertThat(ApiDocumentFilter.longestMatch("[a-z0-9-]{3,60}")).isEqualTo(60);
        assertThat(ApiDocumentFilter.longestMatch("[A-Z]{2}")).isEqualTo(2);
        assertThat(ApiDocumentFilter.longestMatch("\\+?[0-9 ()-]{5,30}")).isEqualTo(31);
        assertThat(ApiDocumentFilter.longestMatch(
                        "[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}"))
                .isEqualTo(36);
    }

    @Test
    void anUnboundedOrComplexPatternGivesNoLimit() {
        assertThat(ApiDocumentFilter.longestMatch("[a-z]+")).isNull();
        assertThat(ApiDocumentFilter.longestMatch(".+@[^@]+")).isNull();
        assertThat(ApiDocumentFilter.longestMatch("(ab|cd)")).isNull();
        assertThat(ApiDocumentFilter.longestMatch("[a-z]{3,}")).isNull();
    }

    @Test
    void generatedOperationIdsLoseTheResourceSuffix() {
        assertThat(ApiDocumentFilter.operationId("SaleResource_create")).isEqualTo("saleCreate");
        assertThat(ApiDocumentFilter.operationId("explicitId")).isEqualTo("explicitId");
    }
}
