package org.originlive.payout;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.originlive.payout.PayoutProvider.Transfer;

/**
 * MoMo's HTTP side: its REST client, with the token from the OIDC client {@value #TOKENS}
 * (OAuth client credentials at {@code POST /disbursement/token/}, configured from the
 * {@code originlive.payouts.mtn-momo.*} settings in application.properties).
 */
@ApplicationScoped
public class MomoClient {

    /** The OIDC client that fetches, caches and refreshes MoMo's access token. */
    static final String TOKENS = "mtn-momo";

    private final PayoutConfig config;
    private final PayoutConfig.MtnMomo momo;
    private final MomoApi api;

    MomoClient(PayoutConfig config) {
        this.config = config;
        this.momo = config.mtnMomo();
        this.api = ProviderCalls.client(MomoApi.class, momo.baseUrl(), config.timeout());
    }

    /** The transfer under our reference; repeated only if it never left (same X-Reference-Id anyway). */
    @ApplyGuard(ProviderCalls.UNSENT)
    Uni<Response> transfer(Transfer transfer) {
        ObjectNode body = JsonNodeFactory.instance
                .objectNode()
                .put("amount", Fx.major(transfer.amountMinor(), transfer.currency()))
                .put("currency", transfer.currency().getCurrencyCode())
                .put("externalId", transfer.reference().toString());
        body.putObject("payee")
                .put("partyIdType", "MSISDN")
                .put("partyId", transfer.accountNumber().substring(1));
        body.put("payerMessage", "Origin Live payout").put("payeeNote", "Origin Live payout " + transfer.reference());
        String callback = config.callbackBaseUrl() + "/api/payouts/callbacks/MTN_MOMO?payout=" + transfer.reference();
        return configured()
                .flatMap(x -> api.transfer(
                        transfer.reference().toString(), momo.targetEnvironment(), subscriptionKey(), callback, body));
    }

    /** What MoMo knows of the transfer; asking again is always safe. */
    @ApplyGuard(ProviderCalls.ASK)
    Uni<Response> status(Transfer transfer) {
        return configured()
                .flatMap(x -> api.status(transfer.reference().toString(), momo.targetEnvironment(), subscriptionKey()));
    }

    /** Without an API user and key there is no token to ask for: nothing is sent (as the token call failed before). */
    private Uni<Void> configured() {
        if (momo.apiUser().isEmpty() || momo.apiKey().isEmpty()) {
            return Uni.createFrom()
                    .failure(new IllegalStateException("MTN MoMo is not configured"
                            + " (ORIGINLIVE_PAYOUTS_MTN_MOMO_API_USER, ORIGINLIVE_PAYOUTS_MTN_MOMO_API_KEY)"));
        }
        return Uni.createFrom().voidItem();
    }

    private String subscriptionKey() {
        return momo.subscriptionKey().orElse("");
    }
}
