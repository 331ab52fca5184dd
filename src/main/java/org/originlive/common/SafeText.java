package org.originlive.common;

/**
 * The text rule for every field and parameter the API takes: no Unicode control characters
 * (category Cc; tab and newline only in multi-line fields) and no bidirectional overrides or
 * isolates (U+202A-U+202E, U+2066-U+2069), which can disguise what a text says.
 */
public final class SafeText {

    private SafeText() {}

    /** Why {@code text} is refused, or null if it is acceptable. */
    public static String problem(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && !(multiLine && (c == '\t' || c == '\n'))) {
                return String.format("must not contain control characters (U+%04X)", (int) c);
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return String.format("must not contain bidirectional overrides (U+%04X)", (int) c);
            }
        }
        return null;
    }
}
