package org.originlive.cooperative;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.Paging;

@ApplicationScoped
@OwnsTables("cooperative")
public class CooperativeRepository implements PanacheRepositoryBase<Cooperative, UUID> {

    @WithSession
    public Uni<Cooperative> byId(UUID id) {
        return findById(id);
    }

    @WithSession
    public Uni<List<Cooperative>> byIds(Collection<UUID> ids) {
        return list("id in ?1", Sort.by("name").and("id"), List.copyOf(ids));
    }

    @WithSession
    public Uni<Cooperative> bySlug(String slug) {
        return find("slug", slug).firstResult();
    }

    @WithSession
    public Uni<Page<Cooperative>> page(PageRequest request) {
        return Paging.page(findAll(Sort.by("name").and("id")), request);
    }
}
