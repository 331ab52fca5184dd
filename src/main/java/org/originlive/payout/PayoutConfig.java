package org.originlive.payout;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Payout providers, their credentials and the polling of payouts in doubt. */
@ConfigMapping(prefix = "originlive.payouts")
public interface PayoutConfig {

    /** Public base URL providers call back ({@code ORIGINLIVE_PAYOUTS_CALLBACK_BASE_URL}), e.g. https://api.originlive.org. */
    @WithDefault("http://localhost:8080")
    String callbackBaseUrl();

    /** How long one provider call may take before its outcome counts as unknown. */
    @WithDefault("10s")
    Duration timeout();

    /** How often each replica looks for payouts due a status query (@Scheduled: a second or more). */
    @WithDefault("1s")
    Duration pollEvery();

    /** First wait before a payout's status is queried; it doubles per attempt. */
    @WithDefault("5s")
    Duration pollBackoff();

    /** The longest wait between two status queries of one payout. */
    @WithDefault("10m")
    Duration pollBackoffMax();

    Sandbox sandbox();

    MtnMomo mtnMomo();

    Mpesa mpesa();

    interface Sandbox {
        /** How long the sandbox takes to settle a payout. */
        @WithDefault("2s")
        Duration settleAfter();
    }

    interface MtnMomo {
        /** Disbursement API base URL, e.g. https://sandbox.momodeveloper.mtn.com. */
        @WithDefault("https://sandbox.momodeveloper.mtn.com")
        String baseUrl();

        /** API user (a UUID) for the token call's basic auth. */
        Optional<String> apiUser();

        /** API key for the token call's basic auth. */
        Optional<String> apiKey();

        /** Ocp-Apim-Subscription-Key of the Disbursement product. */
        Optional<String> subscriptionKey();

        /** X-Target-Environment: sandbox, or the market's name in production (e.g. mtnrwanda). */
        @WithDefault("sandbox")
        String targetEnvironment();
    }

    interface Mpesa {
        /** Daraja base URL, e.g. https://sandbox.safaricom.co.ke or https://api.safaricom.co.ke. */
        @WithDefault("https://sandbox.safaricom.co.ke")
        String baseUrl();

        /** Daraja app consumer key. */
        Optional<String> consumerKey();

        /** Daraja app consumer secret; also keys the tokens in our result URLs. */
        Optional<String> consumerSecret();

        /** B2C initiator name. */
        Optional<String> initiatorName();

        /** Initiator password encrypted with Safaricom's certificate. */
        Optional<String> securityCredential();

        /** The paying short code (PartyA). */
        Optional<String> shortCode();
    }
}
