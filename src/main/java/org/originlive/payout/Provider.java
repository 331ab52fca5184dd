package org.originlive.payout;

/** Who carries a payout to the cooperative. */
public enum Provider {
    SANDBOX,
    MTN_MOMO,
    MPESA,
    BANK_MANUAL;

    /** Mobile money pays a phone number, so the account number must be E.164. */
    public boolean mobileMoney() {
        return this == MTN_MOMO || this == MPESA || this == SANDBOX;
    }
}
