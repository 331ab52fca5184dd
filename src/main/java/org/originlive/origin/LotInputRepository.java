package org.originlive.origin;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.originlive.common.OwnsTables;

/** The inputs of lots, written once with their lot. */
@ApplicationScoped
@OwnsTables("lot_input")
public class LotInputRepository implements PanacheRepositoryBase<LotInput, LotInput.Key> {

    /** The lot's inputs in the order the lot listed them. */
    @WithSession
    public Uni<List<LotInput>> of(UUID lotId) {
        return list("lotId", Sort.by("inputNo"), lotId);
    }
}
