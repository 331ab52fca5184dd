package org.originlive.cooperative;

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

@Path("/api/cooperatives/{id}/translations")
@Tag(name = "Languages")
public class CooperativeTranslationResource {

    private final CooperativeService cooperatives;
    private final Caller caller;

    CooperativeTranslationResource(CooperativeService cooperatives, Caller caller) {
        this.cooperatives = cooperatives;
        this.caller = caller;
    }

    @PUT
    @Path("/{lang}")
    @RolesAllowed({Role.ADMIN_NAME, Role.COOPERATIVE_NAME})
    @Operation(summary = "Store the story's translation into a supported language (its staff or an admin)")
    public Uni<CooperativeApi.CooperativeTranslation> put(
            UUID id, String lang, @Valid @NotNull CooperativeApi.TranslateCooperative request) {
        return cooperatives.translate(caller, id, lang, request);
    }

    @GET
    @PermitAll
    @Operation(summary = "The story's source language and every translation of it")
    public Uni<CooperativeApi.CooperativeTranslations> list(UUID id) {
        return cooperatives.translations(id);
    }
}
