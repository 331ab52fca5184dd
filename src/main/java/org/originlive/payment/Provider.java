package org.originlive.payment;

/** Who takes the buyer's money for a payment. */
public enum Provider {
    WECHAT_PAY,
    ALIPAY,
    SANDBOX
}
