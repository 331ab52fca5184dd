package org.originlive.payout;

import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/** A payout row as the service needs it. */
record StoredPayout(
        UUID id,
        UUID cooperativeId,
        String requestHash,
        long amountMinor,
        String currency,
        long destinationAmountMinor,
        String destinationCurrency,
        BigDecimal fxRate,
        Provider provider,
        String accountName,
        String accountNumber,
        PayoutStatus status,
        String dispatch,
        String providerReference,
        String providerTransactionId,
        String failureReason,
        Instant createdAt,
        Instant updatedAt) {

    static final String COLUMNS = "id, cooperative_id, request_hash, amount_minor, currency, destination_amount_minor,"
            + " destination_currency, fx_rate, provider, account_name, account_number, status, dispatch,"
            + " provider_reference, provider_transaction_id, failure_reason, created_at, updated_at";

    static StoredPayout from(Row r) {
        return new StoredPayout(
                r.getUUID("id"),
                r.getUUID("cooperative_id"),
                r.getString("request_hash"),
                r.getLong("amount_minor"),
                r.getString("currency"),
                r.getLong("destination_amount_minor"),
                r.getString("destination_currency"),
                r.getBigDecimal("fx_rate"),
                Provider.valueOf(r.getString("provider")),
                r.getString("account_name"),
                r.getString("account_number"),
                PayoutStatus.valueOf(r.getString("status")),
                r.getString("dispatch"),
                r.getString("provider_reference"),
                r.getString("provider_transaction_id"),
                r.getString("failure_reason"),
                r.getOffsetDateTime("created_at").toInstant(),
                r.getOffsetDateTime("updated_at").toInstant());
    }

    PayoutProvider.Transfer transfer() {
        return new PayoutProvider.Transfer(
                id,
                destinationAmountMinor,
                Currency.getInstance(destinationCurrency),
                accountName,
                accountNumber,
                createdAt);
    }

    PayoutApi.Payout view() {
        return new PayoutApi.Payout(
                id,
                cooperativeId,
                amountMinor,
                currency,
                destinationAmountMinor,
                destinationCurrency,
                fxRate == null ? null : fxRate.stripTrailingZeros().toPlainString(),
                provider,
                status,
                providerReference,
                providerTransactionId,
                failureReason,
                createdAt,
                updatedAt);
    }
}
