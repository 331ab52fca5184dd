package org.originlive.catalog;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;
import org.originlive.common.Role;

@Path("/api/products/{id}/translations")
@Tag(name = "Languages")
public class ProductTranslationResource {

    private final ProductTranslationService translations;
    private final Caller caller;

    ProductTranslationResource(ProductTranslationService translations, Caller caller) {
        this.translations = translations;
        this.caller = caller;
    }

    @PUT
    @Path("/{lang}")
    @RolesAllowed({Role.ADMIN_NAME, Role.COOPERATIVE_NAME})
    @Operation(summary = "Store the name and/or description in a supported language (its cooperative or an admin)")
    public Uni<ProductApi.ProductTranslation> put(
            UUID id, String lang, @Valid @NotNull ProductApi.TranslateProduct request) {
        return translations.translate(caller, id, lang, request);
    }

    @GET
    @PermitAll
    @Operation(summary = "The product's source language and every translation")
    public Uni<ProductApi.ProductTranslations> list(UUID id) {
        return translations.translations(id);
    }
}
