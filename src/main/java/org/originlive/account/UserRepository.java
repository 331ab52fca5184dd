package org.originlive.account;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.UUID;
import org.originlive.common.OwnsTables;

@ApplicationScoped
@OwnsTables("app_user")
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    @WithSession
    public Uni<User> findByEmail(String email) {
        return find("lower(email) = ?1", email.toLowerCase(Locale.ROOT)).firstResult();
    }

    @WithSession
    public Uni<User> byId(UUID id) {
        return findById(id);
    }
}
