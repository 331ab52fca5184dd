package org.originlive.phone;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.originlive.common.Tx;
import org.originlive.fulfillment.FulfillmentAlerts;
import org.originlive.fulfillment.FulfillmentService;

/** New fulfilments queue one SMS per confirmed phone of their cooperative, in the payment's transaction. */
@ApplicationScoped
class NewOrderAlerts implements FulfillmentAlerts {

    private final FulfillmentService fulfillments;
    private final SmsRepository sms;
    private final SmsRelay relay;

    NewOrderAlerts(FulfillmentService fulfillments, SmsRepository sms, SmsRelay relay) {
        this.fulfillments = fulfillments;
        this.sms = sms;
        this.relay = relay;
    }

    @Override
    public Uni<Void> opened(Tx tx, List<UUID> fulfillmentIds) {
        return fulfillments
                .opened(tx, fulfillmentIds)
                .flatMap(opened -> queue(tx, SmsRepository.Kind.NEW_ORDER, opened));
    }

    /** One SMS of {@code kind} per fulfilment and confirmed phone, at most once ever. */
    Uni<Void> queue(Tx tx, SmsRepository.Kind kind, List<Opened> opened) {
        if (opened.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sms.queueForFulfillments(
                        tx,
                        kind,
                        opened.stream().map(Opened::id).toList(),
                        opened.stream().map(Opened::cooperativeId).toList())
                .flatMap(ids -> relay.queue(tx, ids));
    }
}
