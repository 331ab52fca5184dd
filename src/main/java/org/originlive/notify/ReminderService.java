package org.originlive.notify;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;
import org.originlive.sale.SaleQueries;
import org.originlive.sale.SaleStatus;

/**
 * "Remind me" on a sale that has not started. The sale row is share-locked while the reminder is
 * written, so a reminder either commits before the sale goes LIVE (and is told) or sees it LIVE
 * (409): none is left waiting for a sale that already started.
 */
@ApplicationScoped
class ReminderService {

    private final Transactions transactions;
    private final SaleQueries sales;
    private final Reminders reminders;
    private final Recipients recipients;

    ReminderService(Transactions transactions, SaleQueries sales, Reminders reminders, Recipients recipients) {
        this.transactions = transactions;
        this.sales = sales;
        this.reminders = reminders;
        this.recipients = recipients;
    }

    /** True when this call added the reminder; {@code language} (or null) becomes the buyer's email language. */
    Uni<Boolean> remind(Caller buyer, UUID saleId, String language) {
        return transactions.inTransaction(tx -> scheduled(tx, saleId)
                .flatMap(x -> reminders.add(tx, saleId, buyer.id()))
                .call(x -> recipients.language(tx, buyer.id(), language)));
    }

    /** Idempotent: no reminder afterwards, whether there was one or not. */
    Uni<Void> forget(Caller buyer, UUID saleId) {
        return transactions.inTransaction(tx -> sales.factsHeld(tx, saleId).flatMap(found -> {
            if (found.isEmpty()) {
                throw ProblemException.notFound("Sale", saleId);
            }
            return reminders.remove(tx, saleId, buyer.id());
        }));
    }

    private Uni<Void> scheduled(Tx tx, UUID saleId) {
        return sales.factsHeld(tx, saleId).map(found -> {
            if (found.isEmpty()) {
                throw ProblemException.notFound("Sale", saleId);
            }
            if (found.get().status() != SaleStatus.SCHEDULED) {
                throw new ProblemException(
                        ProblemType.SALE_STARTED, "A " + found.get().status() + " sale takes no reminders");
            }
            return null;
        });
    }
}
