package org.originlive.catalog;

import java.util.List;
import org.originlive.cooperative.CooperativeApi;

/** A storefront: a cooperative and its active products (catalog knows cooperatives, never the reverse). */
public record StorefrontApi(CooperativeApi.CooperativeView cooperative, List<ProductApi.ProductView> products) {}
