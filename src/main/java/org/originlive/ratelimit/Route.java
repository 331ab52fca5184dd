package org.originlive.ratelimit;

/** The limited routes, and what each is counted by. */
public enum Route {
    /** Password guessing, per client address, across replicas. */
    LOGIN("login", Key.ADDRESS, true),
    /** Account-creation floods, per client address, across replicas. */
    REGISTER("register", Key.ADDRESS, true),
    /** Refresh and sign-out, per client address (the caller has no access token then), across replicas. */
    REFRESH("refresh", Key.ADDRESS, true),
    /** Both checkout paths together, per account, per replica (the hot path takes no extra statement). */
    CHECKOUT("checkout", Key.ACCOUNT, false),
    /** Chat posts, per account, per replica; the chat's own rules, exact across replicas, apply on top. */
    CHAT_POST("chat-post", Key.ACCOUNT, false);

    /** What a route's buckets are keyed by. */
    public enum Key {
        /** The connection's peer, or the forwarded client behind a trusted proxy. */
        ADDRESS,
        /** The verified token's subject. */
        ACCOUNT
    }

    private final String tag;
    private final Key key;
    private final boolean shared;

    Route(String tag, Key key, boolean shared) {
        this.tag = tag;
        this.key = key;
        this.shared = shared;
    }

    /** The metric tag and the name in problem details. */
    public String tag() {
        return tag;
    }

    public Key key() {
        return key;
    }

    /** Counted in PostgreSQL, so the limit holds across replicas; otherwise in each replica's memory. */
    public boolean shared() {
        return shared;
    }
}
