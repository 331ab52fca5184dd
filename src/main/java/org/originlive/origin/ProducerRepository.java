package org.originlive.origin;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.Paging;

/** Cooperative members; every list is scoped by cooperative in the query itself. */
@ApplicationScoped
@OwnsTables("producer")
public class ProducerRepository implements PanacheRepositoryBase<Producer, UUID> {

    @WithSession
    public Uni<Producer> byId(UUID id) {
        return findById(id);
    }

    /** The producers with these ids (those that exist). */
    @WithSession
    public Uni<List<Producer>> byIds(List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    @WithSession
    public Uni<Page<Producer>> page(UUID cooperativeId, PageRequest request) {
        return Paging.page(find("cooperativeId", Sort.by("memberCode"), cooperativeId), request);
    }
}
