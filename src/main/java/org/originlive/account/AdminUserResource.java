package org.originlive.account;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Role;

@Path("/api/admin/users")
@Tag(name = "Accounts")
public class AdminUserResource {

    private final AccountService accounts;

    AdminUserResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Create a HOST, COOPERATIVE or ADMIN account")
    @APIResponse(
            responseCode = "201",
            description = "The new account",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = AccountApi.UserView.class)))
    @APIResponse(responseCode = "409", description = "email-taken")
    public Uni<Response> create(@Valid @NotNull AccountApi.CreateUserRequest request) {
        return accounts.createByAdmin(request).map(AccountResource::created);
    }
}
