package org.originlive.common;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the verified token says. Services take this instead of anything the client
 * put in a body, so identity, role and tenant never come from the request payload.
 */
public record Caller(UUID id, Set<Role> roles, UUID cooperativeId) {

    public static final String COOPERATIVE_CLAIM = "cooperativeId";

    public static Caller of(JsonWebToken jwt) {
        Set<Role> roles = jwt.getGroups().stream()
                .filter(name ->
                        Set.of("CONSUMER", "HOST", "COOPERATIVE", "ADMIN").contains(name))
                .map(Role::valueOf)
                .collect(Collectors.toUnmodifiableSet());
        String cooperative = jwt.getClaim(COOPERATIVE_CLAIM);
        return new Caller(
                UUID.fromString(jwt.getSubject()), roles, cooperative == null ? null : UUID.fromString(cooperative));
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** ADMIN, or staff of exactly this cooperative. */
    public boolean mayManage(UUID cooperative) {
        return is(Role.ADMIN) || is(Role.COOPERATIVE) && cooperative.equals(cooperativeId);
    }

    public void requireCooperative(UUID cooperative) {
        if (!mayManage(cooperative)) {
            throw ProblemException.forbidden("Only this cooperative's staff or an admin may do this");
        }
    }
}
