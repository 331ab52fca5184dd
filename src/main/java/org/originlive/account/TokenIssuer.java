package org.originlive.account;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.Role;

/**
 * Signs RS256 access tokens with the {@code kid} of {@link JwtKeys}; {@code groups} carries the
 * role, never anything the client chose.
 */
@ApplicationScoped
public class TokenIssuer {

    private final AccountConfig config;
    private final JwtKeys keys;

    TokenIssuer(AccountConfig config, JwtKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    /** An access token for the account, paired with the refresh token that renews it. */
    public AccountApi.TokenResponse issue(
            UUID userId, String email, Role role, UUID cooperativeId, String refreshToken) {
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer())
                .subject(userId.toString())
                .upn(email)
                .groups(Set.of(role.name()))
                .expiresIn(config.tokenLifetime());
        if (cooperativeId != null) {
            claims.claim(Caller.COOPERATIVE_CLAIM, cooperativeId.toString());
        }
        return new AccountApi.TokenResponse(
                claims.jws().keyId(keys.keyId()).sign(keys.signingKey()),
                "Bearer",
                config.tokenLifetime().toSeconds(),
                refreshToken,
                config.refreshLifetime().toSeconds());
    }
}
