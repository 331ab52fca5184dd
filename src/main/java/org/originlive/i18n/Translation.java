package org.originlive.i18n;

import java.time.Instant;
import java.util.Map;

/** One stored translation of an object: its language and the fields it carries (untranslated ones absent). */
public record Translation(String lang, Map<String, String> fields, Instant updatedAt) {

    /** The translated field, or {@code source} when there is no translation or it does not carry the field. */
    public static String field(Translation translation, String field, String source) {
        String text = translation == null ? null : translation.fields.get(field);
        return text != null ? text : source;
    }

    /** The language an object was served in: this translation's, or its source language without one. */
    public static String servedIn(Translation translation, String sourceLang) {
        return translation == null ? sourceLang : translation.lang;
    }
}
