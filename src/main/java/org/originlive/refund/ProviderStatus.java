package org.originlive.refund;

/** A refund's money on its way back through the provider: NONE for the sandbox. */
public enum ProviderStatus {
    NONE,
    PROCESSING,
    SUCCEEDED,
    FAILED
}
