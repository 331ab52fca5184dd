package org.originlive.account;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.config.JWTAuthContextInfoProvider;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Verification as SmallRye JWT configures it (issuer, algorithm, no grace), with the keys that
 * {@link JwtKeys} read at start-up: a JWKS selects the key by the token's {@code kid}, so an
 * unknown {@code kid} or a foreign signature is refused.
 */
public class JwtVerification {

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    JWTAuthContextInfo contextInfo(JWTAuthContextInfoProvider settings, JwtKeys keys) {
        JWTAuthContextInfo info = settings.getContextInfo();
        info.setPublicVerificationKey(null);
        info.setPublicKeyLocation(null);
        info.setPublicKeyContent(keys.verificationKeys());
        return info;
    }
}
