package org.originlive.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiDocumentFilterTest {

    @Test
    void theLongestMatchOfABoundedPatternIsItsMaxLength() {
        assertThat(Bounds.longestMatch("[a-z0-9-]{3,60}")).isEqualTo(60);
        assertThat(Bounds.longestMatch("[A-Z]{2}")).isEqualTo(2);
        assertThat(Bounds.longestMatch("\\+?[0-9 ()-]{5,30}")).isEqualTo(31);
        assertThat(Bounds.longestMatch("[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}"))
                .isEqualTo(36);
    }

    @Test
    void anUnboundedOrComplexPatternGivesNoLimit() {
        assertThat(Bounds.longestMatch("[a-z]+")).isNull();
        assertThat(Bounds.longestMatch(".+@[^@]+")).isNull();
        assertThat(Bounds.longestMatch("(ab|cd)")).isNull();
        assertThat(Bounds.longestMatch("[a-z]{3,}")).isNull();
    }

    @Test
    void generatedOperationIdsLoseTheResourceSuffix() {
        assertThat(OperationAccess.operationId("SaleResource_create")).isEqualTo("saleCreate");
        assertThat(OperationAccess.operationId("explicitId")).isEqualTo("explicitId");
    }
}
