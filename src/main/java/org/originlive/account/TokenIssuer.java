package org.originlive.account;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.originlive.common.Caller;

/** Signs RS256 access tokens; {@code groups} carries the role, never anything the client chose. */
@ApplicationScoped
public class TokenIssuer {

    private final AccountConfig config;

    TokenIssuer(AccountConfig config) {
        this.config = config;
    }

    public AccountApi.TokenResponse issue(User user) {
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer())
                .subject(user.id.toString())
                .upn(user.email)
                .groups(Set.of(user.role.name()))
                .expiresIn(config.tokenLifetime());
        if (user.cooperativeId != null) {
            claims.claim(Caller.COOPERATIVE_CLAIM, user.cooperativeId.toString());
        }
        return new AccountApi.TokenResponse(
                claims.jws().sign(), "Bearer", config.tokenLifetime().toSeconds());
    }
}
