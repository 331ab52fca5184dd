package org.originlive.i18n;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The key of every translation table: the translated object and the language. */
public class TranslationKey implements Serializable {

    public UUID objectId;
    public String lang;

    public TranslationKey() {}

    TranslationKey(UUID objectId, String lang) {
        this.objectId = objectId;
        this.lang = lang;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TranslationKey k && objectId.equals(k.objectId) && lang.equals(k.lang);
    }

    @Override
    public int hashCode() {
        return Objects.hash(objectId, lang);
    }
}
