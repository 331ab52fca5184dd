package org.originlive.notify;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.originlive.common.Tx;
import org.originlive.fulfillment.BuyerNotices;

/** A paid order and a shipped parcel each queue one email to the buyer, in the transaction that made them. */
@ApplicationScoped
class OrderEmails implements BuyerNotices {

    private final EmailRepository emails;
    private final EmailRelay relay;

    OrderEmails(EmailRepository emails, EmailRelay relay) {
        this.emails = emails;
        this.relay = relay;
    }

    @Override
    public Uni<Void> paid(Tx tx, UUID buyerId, UUID orderId) {
        return emails.queue(tx, EmailRepository.Kind.ORDER_PAID, orderId, List.of(buyerId))
                .flatMap(ids -> relay.queue(tx, ids));
    }

    @Override
    public Uni<Void> shipped(Tx tx, UUID buyerId, UUID orderId, UUID fulfillmentId) {
        return emails.queue(tx, EmailRepository.Kind.SHIPPED, fulfillmentId, List.of(buyerId))
                .flatMap(ids -> relay.queue(tx, ids));
    }
}
