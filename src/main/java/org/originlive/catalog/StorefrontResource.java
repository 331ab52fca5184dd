package org.originlive.catalog;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.originlive.i18n.Lang;
import org.originlive.i18n.Languages;

@Path("/api/storefronts")
@Tag(name = "Cooperatives")
public class StorefrontResource {

    private final ProductService products;
    private final Languages languages;

    StorefrontResource(ProductService products, Languages languages) {
        this.products = products;
        this.languages = languages;
    }

    @GET
    @Path("/{slug}")
    @PermitAll
    @Operation(summary = "A cooperative and its active products, in the asked-for language")
    public Uni<RestResponse<StorefrontApi>> storefront(
            String slug, @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        Lang chosen = languages.choose(lang, acceptLanguage);
        return products.storefront(slug, chosen)
                .map(s -> Languages.served(
                        s,
                        chosen,
                        Stream.concat(
                                Stream.of(s.cooperative().lang()),
                                s.products().stream().map(ProductApi.ProductView::lang))));
    }
}
