package org.originlive.common;

import jakarta.ws.rs.QueryParam;

/**
 * The {@code ?page=&size=} query parameters of every list endpoint, taken as a {@code @BeanParam}.
 * They arrive as text and are parsed by {@link #request()}, in the resource method as before, so
 * a bad value is our 400 problem+json (JAX-RS conversion would answer its own 404) and comes after
 * the security check. The OpenAPI filter describes both as bounded integers.
 */
public class PageParams {

    @QueryParam("page")
    private String page;

    @QueryParam("size")
    private String size;

    /** The validated page: 400 for a non-integer, a negative page or a size outside 1..100. */
    public PageRequest request() {
        return PageRequest.of(page, size);
    }
}
