package org.originlive.chat;

import java.util.regex.Pattern;
import org.originlive.common.ProblemException;

/** Single-line text as the chat accepts it: no control, bidi-override or unpaired surrogate characters. */
final class ChatText {

    private static final Pattern EMAIL_LIKE = Pattern.compile("[^@\\s]+@[^@\\s]+", Pattern.UNICODE_CHARACTER_CLASS);

    private ChatText() {}

    /** The name a message shows: an email-like display name is cut to its local part, so no message carries an email. */
    static String shownName(String displayName) {
        return EMAIL_LIKE.matcher(displayName).matches()
                ? displayName.substring(0, displayName.indexOf('@'))
                : displayName;
    }

    /** The trimmed text, or a 422 naming {@code field}. */
    static String line(String field, String raw, int maxCodePoints) {
        if (raw == null) {
            throw ProblemException.invalid(field, "is required");
        }
        // Checked before trimming: trim() would silently drop leading or trailing control characters.
        raw.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.SURROGATE) {
                throw ProblemException.invalid(field, "must be a single line without control characters");
            }
            if (cp == 0x2028 || cp == 0x2029) {
                throw ProblemException.invalid(field, "must be a single line");
            }
            if (cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069) {
                throw ProblemException.invalid(field, "must not contain bidirectional override characters");
            }
        });
        String text = raw.strip();
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > maxCodePoints) {
            throw ProblemException.invalid(field, "must be 1 to " + maxCodePoints + " characters");
        }
        return text;
    }
}
