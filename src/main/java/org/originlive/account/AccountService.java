package org.originlive.account;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.Failures;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Role;
import org.originlive.cooperative.CooperativeService;

@ApplicationScoped
public class AccountService {

    private final UserRepository users;
    private final CooperativeService cooperatives;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final RefreshTokenRepository refreshTokens;
    private final AccountConfig config;
    private final Clock clock;

    AccountService(
            UserRepository users,
            CooperativeService cooperatives,
            PasswordHasher hasher,
            TokenIssuer tokens,
            RefreshTokenRepository refreshTokens,
            AccountConfig config,
            Clock clock) {
        this.users = users;
        this.cooperatives = cooperatives;
        this.hasher = hasher;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.config = config;
        this.clock = clock;
    }

    public Uni<User> register(AccountApi.RegisterRequest request) {
        return create(request.email(), request.password(), request.displayName(), Role.CONSUMER, null, null);
    }

    public Uni<User> createByAdmin(AccountApi.CreateUserRequest request) {
        if (request.role() == Role.CONSUMER) {
            throw ProblemException.invalid("role", "must be HOST, COOPERATIVE or ADMIN");
        }
        if (request.role() == Role.COOPERATIVE && request.cooperativeId() == null) {
            throw ProblemException.invalid("cooperativeId", "is required for a COOPERATIVE user");
        }
        if (request.role() != Role.COOPERATIVE && request.cooperativeId() != null) {
            throw ProblemException.invalid("cooperativeId", "is only for COOPERATIVE users");
        }
        Uni<Void> cooperativeExists = request.cooperativeId() == null
                ? Uni.createFrom().voidItem()
                : cooperatives
                        .get(request.cooperativeId())
                        .onFailure(ProblemException.class)
                        .transform(e -> ProblemException.invalid("cooperativeId", "no such cooperative"))
                        .replaceWithVoid();
        return cooperativeExists.flatMap(ignored -> create(
                request.email(),
                request.password(),
                request.displayName(),
                request.role(),
                request.cooperativeId(),
                request.organisation()));
    }

    public Uni<AccountApi.TokenResponse> login(AccountApi.LoginRequest request) {
        return users.findByEmail(request.email())
                .flatMap(user -> hasher.verify(request.password(), user == null ? null : user.passwordHash)
                        .flatMap(ok -> {
                            if (!ok) {
                                throw new io.quarkus.security.AuthenticationFailedException("bad credentials");
                            }
                            return signIn(user);
                        }));
    }

    /** Starts a new refresh-token family: one per sign-in, so signing out ends only this one. */
    private Uni<AccountApi.TokenResponse> signIn(User user) {
        String refresh = OpaqueTokens.next();
        return refreshTokens
                .start(user.id, OpaqueTokens.hash(refresh), config.refreshLifetime())
                .map(ignored -> tokens.issue(user.id, user.email, user.role, user.cooperativeId, refresh));
    }

    /**
     * Spends the refresh token for a new pair. A spent token presented again means two parties hold
     * it (a thief or a replay), so its whole family is revoked and both must sign in again.
     */
    public Uni<AccountApi.TokenResponse> refresh(String presented) {
        if (!OpaqueTokens.wellFormed(presented)) {
            return Uni.createFrom().failure(AccountService::invalidRefreshToken);
        }
        byte[] hash = OpaqueTokens.hash(presented);
        String successor = OpaqueTokens.next();
        return refreshTokens
                .rotate(hash, OpaqueTokens.hash(successor), config.refreshLifetime())
                .flatMap(holder -> holder.isPresent() ? Uni.createFrom().item(holder.get()) : refused(hash))
                .map(holder -> tokens.issue(
                        holder.userId(), holder.email(), holder.role(), holder.cooperativeId(), successor));
    }

    /** A token that could not be spent: if it was spent before, this is a reuse and its family ends. */
    private Uni<RefreshTokenRepository.Holder> refused(byte[] hash) {
        return refreshTokens
                .revokeFamilyIfSpent(hash)
                .invoke(reused -> {
                    if (reused) {
                        Log.warn("A spent refresh token was presented again; its family is revoked");
                    }
                })
                .flatMap(reused -> Uni.createFrom().failure(invalidRefreshToken()));
    }

    /** Revokes the token's family; unknown and malformed tokens are accepted alike, so this reveals nothing. */
    public Uni<Void> logout(String presented) {
        if (!OpaqueTokens.wellFormed(presented)) {
            return Uni.createFrom().voidItem();
        }
        return refreshTokens.revokeFamily(OpaqueTokens.hash(presented));
    }

    public Uni<User> get(UUID id) {
        return users.byId(id)
                .onItem()
                .ifNull()
                .failWith(() -> new io.quarkus.security.AuthenticationFailedException("account is gone"));
    }

    /** The account's role, or empty for an unknown user. */
    public Uni<Optional<Role>> role(UUID userId) {
        return users.byId(userId).map(user -> Optional.ofNullable(user).map(u -> u.role));
    }

    /** Creates an account unless the email is taken; the unique index settles races. */
    public Uni<User> create(
            String email, String password, String displayName, Role role, UUID cooperativeId, String organisation) {
        return hasher.hash(password).flatMap(hash -> Panache.withTransaction(
                        () -> users.findByEmail(email).flatMap(existing -> {
                            if (existing != null) {
                                return Uni.createFrom().failure(emailTaken());
                            }
                            User user = new User();
                            user.id = UUID.randomUUID();
                            user.email = email.trim();
                            user.passwordHash = hash;
                            user.displayName = displayName.trim();
                            user.role = role;
                            user.cooperativeId = cooperativeId;
                            user.organisation = organisation;
                            user.createdAt = clock.instant();
                            return users.persist(user);
                        }))
                .onFailure(Failures::isUniqueViolation)
                .transform(e -> emailTaken()));
    }

    private static ProblemException invalidRefreshToken() {
        return new ProblemException(
                ProblemType.UNAUTHORIZED, "The refresh token is invalid, expired or revoked; sign in again");
    }

    private static ProblemException emailTaken() {
        return new ProblemException(ProblemType.EMAIL_TAKEN, "An account with this email already exists");
    }
}
