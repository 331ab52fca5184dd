package org.originlive.account;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.Caller;
import org.originlive.ratelimit.RateLimited;
import org.originlive.ratelimit.Route;

@Path("/api")
@Tag(name = "Accounts")
public class AccountResource {

    private final AccountService accounts;
    private final Caller caller;

    AccountResource(AccountService accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @POST
    @Path("/auth/register")
    @PermitAll
    @RateLimited(Route.REGISTER)
    @Operation(summary = "Register a consumer account")
    @APIResponse(
            responseCode = "201",
            description = "The new account",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = AccountApi.UserView.class)))
    @APIResponse(responseCode = "409", description = "email-taken")
    @APIResponse(responseCode = "429", description = "Too many registrations from this address")
    public Uni<Response> register(@Valid @NotNull AccountApi.RegisterRequest request) {
        return accounts.register(request).map(AccountResource::created);
    }

    @POST
    @Path("/auth/login")
    @PermitAll
    @RateLimited(Route.LOGIN)
    @Operation(summary = "Exchange email and password for an access token and a refresh token")
    @APIResponse(
            responseCode = "200",
            description = "Tokens",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = AccountApi.TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong email or password (the same answer for both)")
    @APIResponse(responseCode = "429", description = "Too many sign-ins from this address")
    public Uni<AccountApi.TokenResponse> login(@Valid @NotNull AccountApi.LoginRequest request) {
        return accounts.login(request);
    }

    @POST
    @Path("/auth/refresh")
    @PermitAll
    @RateLimited(Route.REFRESH)
    @Operation(summary = "Exchange a refresh token for a new access token and a new refresh token")
    @APIResponse(
            responseCode = "200",
            description = "New tokens; the old refresh token stops working",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = AccountApi.TokenResponse.class)))
    @APIResponse(
            responseCode = "401",
            description = "Unknown, expired or spent refresh token (reuse revokes the chain)")
    @APIResponse(responseCode = "429", description = "Too many refreshes from this address")
    public Uni<AccountApi.TokenResponse> refresh(AccountApi.RefreshRequest request) {
        return accounts.refresh(request == null ? null : request.refreshToken());
    }

    @POST
    @Path("/auth/logout")
    @PermitAll
    @RateLimited(Route.REFRESH)
    @Operation(summary = "Sign out: revoke the refresh token and every token renewed from it")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(responseCode = "429", description = "Too many requests from this address")
    public Uni<Response> logout(@Valid @NotNull AccountApi.LogoutRequest request) {
        return accounts.logout(request.refreshToken())
                .map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The calling account")
    public Uni<AccountApi.UserView> me() {
        return accounts.get(caller.id()).map(AccountApi.UserView::of);
    }

    static Response created(User user) {
        return Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_JSON)
                .entity(AccountApi.UserView.of(user))
                .build();
    }
}
