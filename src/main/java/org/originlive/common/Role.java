package org.originlive.common;

/** The roles a JWT carries in {@code groups}. */
public enum Role {
    CONSUMER,
    HOST,
    COOPERATIVE,
    ADMIN;

    public static final String CONSUMER_NAME = "CONSUMER";
    public static final String HOST_NAME = "HOST";
    public static final String COOPERATIVE_NAME = "COOPERATIVE";
    public static final String ADMIN_NAME = "ADMIN";
}
