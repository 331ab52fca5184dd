package org.originlive.sale;

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

@Path("/api/sales/{id}/translations")
@Tag(name = "Languages")
public class SaleTranslationResource {

    private final SaleTranslationService translations;
    private final Caller caller;

    SaleTranslationResource(SaleTranslationService translations, Caller caller) {
        this.translations = translations;
        this.caller = caller;
    }

    @PUT
    @Path("/{lang}")
    @RolesAllowed({Role.HOST_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Store the title in a supported language (the sale's host or an admin)")
    public Uni<SaleApi.SaleTranslation> put(UUID id, String lang, @Valid @NotNull SaleApi.TranslateSale request) {
        return translations.translate(caller, id, lang, request);
    }

    @GET
    @PermitAll
    @Operation(summary = "The title's source language and every translation of it")
    public Uni<SaleApi.SaleTranslations> list(UUID id) {
        return translations.translations(id);
    }
}
