package org.originlive.i18n;

/**
 * The language a request asked to be served in, resolved once per request and passed down:
 * a supported tag, or {@code null} for each object's source text.
 */
public record Lang(String tag) {

    public static final Lang SOURCE = new Lang(null);

    public boolean isSource() {
        return tag == null;
    }
}
