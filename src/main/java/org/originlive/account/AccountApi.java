package org.originlive.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.originlive.common.Role;

/** The JSON shapes of the accounts API. */
public final class AccountApi {

    private AccountApi() {}

    public record RegisterRequest(
            @NotBlank @Email(regexp = ".+@[^@]+\\.[^@]+") @Size(max = 254) String email,
            @NotNull @Size(min = 10, max = 200) String password,
            @NotBlank @Size(max = 100) String displayName) {}

    public record LoginRequest(@NotNull @Size(max = 254) String email, @NotNull @Size(max = 200) String password) {}

    /** {@code expiresIn} is the access token's lifetime, {@code refreshExpiresIn} the refresh token's. */
    public record TokenResponse(
            String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {}

    /** A missing or malformed token is a 401 like an unknown one, so it is not validated as a field. */
    public record RefreshRequest(
            @Schema(maxLength = 100, description = "Tokens are 48 characters; any other is unknown (401)")
                    String refreshToken) {}

    public record LogoutRequest(@NotNull @Size(max = 100) String refreshToken) {}

    public record CreateUserRequest(
            @NotBlank @Email(regexp = ".+@[^@]+\\.[^@]+") @Size(max = 254) String email,
            @NotNull @Size(min = 10, max = 200) String password,
            @NotBlank @Size(max = 100) String displayName,
            @NotNull Role role,
            UUID cooperativeId,
            @Size(max = 200) String organisation) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UserView(
            UUID id, String email, String displayName, List<Role> roles, UUID cooperativeId, String organisation) {

        static UserView of(User user) {
            return new UserView(
                    user.id, user.email, user.displayName, List.of(user.role), user.cooperativeId, user.organisation);
        }
    }
}
