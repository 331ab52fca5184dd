package org.originlive.ratelimit;

/** The limited routes, and what each is counted by. */
public enum Route {
    /** Password guessing, per client address. */
    LOGIN("login", Key.ADDRESS),
    /** Account-creation floods, per client address. */
    REGISTER("register", Key.ADDRESS),
    /** Refresh and sign-out, per client address (the caller has no access token then). */
    REFRESH("refresh", Key.ADDRESS),
    /** Both checkout paths together, per account. */
    CHECKOUT("checkout", Key.ACCOUNT),
    /** Chat posts, per account; the chat's own moderation rules apply on top. */
    CHAT_POST("chat-post", Key.ACCOUNT);

    /** What a route's buckets are keyed by. */
    public enum Key {
        /** The connection's peer, or the forwarded client behind a trusted proxy. */
        ADDRESS,
        /** The verified token's subject. */
        ACCOUNT
    }

    private final String tag;
    private final Key key;

    Route(String tag, Key key) {
        this.tag = tag;
        this.key = key;
    }

    /** The metric tag and the name in problem details. */
    public String tag() {
        return tag;
    }

    public Key key() {
        return key;
    }
}
