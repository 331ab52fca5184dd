package org.originlive.payout;

import static org.originlive.support.Api.as;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.Transactions;
import org.originlive.ledger.AccountType;
import org.originlive.ledger.Bucket;
import org.originlive.ledger.Ledger;
import org.originlive.ledger.LedgerEntry;
import org.originlive.ledger.Posting;
import org.originlive.support.Api;

/** Money for payout tests: available balance credited through the ledger, balances read from it. */
final class Funds {

    private final Ledger ledger;
    private final Transactions transactions;

    Funds(Ledger ledger, Transactions transactions) {
        this.ledger = ledger;
        this.transactions = transactions;
    }

    /** Makes {@code amountMinor} available to the cooperative, as a delivered and held sale would. */
    void credit(String cooperativeId, String currency, long amountMinor) {
        UUID cooperative = UUID.fromString(cooperativeId);
        Posting posting = new Posting(
                "TEST_AVAILABLE",
                "test",
                UUID.randomUUID(),
                List.of(
                        LedgerEntry.cooperative(cooperative, Bucket.AVAILABLE, currency, amountMinor),
                        LedgerEntry.of(AccountType.PAYMENT_CLEARING, currency, -amountMinor)));
        transactions
                .inTransaction(tx -> ledger.post(tx, posting, Instant.now()))
                .await()
                .indefinitely();
    }

    long balance(String cooperativeId, String currency, Bucket bucket) {
        return transactions
                .inTransaction(tx -> ledger.balance(tx, UUID.fromString(cooperativeId), currency, bucket))
                .await()
                .indefinitely();
    }

    /** {available, inTransit, paidOut} of one currency. */
    long[] balances(String cooperativeId, String currency) {
        return new long[] {
            balance(cooperativeId, currency, Bucket.AVAILABLE),
            balance(cooperativeId, currency, Bucket.IN_TRANSIT),
            balance(cooperativeId, currency, Bucket.PAID_OUT)
        };
    }

    static void destination(String token, String cooperativeId, String provider, String number, String currency) {
        as(token)
                .body(Map.of(
                        "provider", provider,
                        "accountName", "Abahuzamugambi ba Kawa",
                        "accountNumber", number,
                        "currency", currency))
                .put("/api/cooperatives/" + cooperativeId + "/payout-destination")
                .then()
                .statusCode(200);
    }

    static io.restassured.response.Response payout(
            String token, String cooperativeId, String key, Map<String, ?> body) {
        return as(token)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/cooperatives/" + cooperativeId + "/payouts");
    }

    static String admin() {
        return Api.admin();
    }
}
