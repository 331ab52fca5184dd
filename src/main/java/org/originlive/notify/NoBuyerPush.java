package org.originlive.notify;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.originlive.common.Tx;

/** Until {@code push/} provides Web Push, notices go by email only. */
@DefaultBean
@ApplicationScoped
class NoBuyerPush implements BuyerPush {

    @Override
    public Uni<Void> queue(Tx tx, UUID userId, Notice notice) {
        return Uni.createFrom().voidItem();
    }
}
