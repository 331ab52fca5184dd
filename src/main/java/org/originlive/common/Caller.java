package org.originlive.common;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the verified token says. Services take this instead of anything the client
 * put in a body, so identity, role and tenant never come from the request payload.
 *
 * <p>Resources inject the caller of the current request ({@link CurrentCaller}): a client proxy
 * that reads the request's own instance on every call, so it is valid only while that request
 * runs. Whatever outlives the request (a queued batch, a socket, a job) keeps plain values such as
 * {@link #id()} instead. Not a record only because the proxy subclasses it.
 */
public class Caller {

    public static final String COOPERATIVE_CLAIM = "cooperativeId";

    private static final Set<String> ROLE_NAMES = Set.of("CONSUMER", "HOST", "COOPERATIVE", "ADMIN");

    private final UUID id;
    private final Set<Role> roles;
    private final UUID cooperativeId;

    public Caller(UUID id, Set<Role> roles, UUID cooperativeId) {
        this.id = id;
        this.roles = Set.copyOf(roles);
        this.cooperativeId = cooperativeId;
    }

    /** For the request-scoped client proxy only; it delegates every method. */
    protected Caller() {
        this(null, Set.of(), null);
    }

    /** The caller a verified token names; roles it does not know are ignored. */
    public static Caller of(JsonWebToken jwt) {
        Set<Role> roles = jwt.getGroups().stream()
                .filter(ROLE_NAMES::contains)
                .map(Role::valueOf)
                .collect(Collectors.toUnmodifiableSet());
        String cooperative = jwt.getClaim(COOPERATIVE_CLAIM);
        return new Caller(
                UUID.fromString(jwt.getSubject()), roles, cooperative == null ? null : UUID.fromString(cooperative));
    }

    /** For public endpoints that resolve the token only when they need it: null when anonymous. */
    public static Caller ofIdentity(SecurityIdentity who) {
        return who.isAnonymous() ? null : of((JsonWebToken) who.getPrincipal());
    }

    public UUID id() {
        return id;
    }

    public Set<Role> roles() {
        return roles;
    }

    public UUID cooperativeId() {
        return cooperativeId;
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

    @Override
    public boolean equals(Object other) {
        return other instanceof Caller that
                && Objects.equals(id, that.id())
                && roles.equals(that.roles())
                && Objects.equals(cooperativeId, that.cooperativeId());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, roles, cooperativeId);
    }

    @Override
    public String toString() {
        return "Caller[id=" + id + ", roles=" + roles + ", cooperativeId=" + cooperativeId + "]";
    }
}
