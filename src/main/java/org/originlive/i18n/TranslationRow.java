package org.originlive.i18n;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A stored translation of one object into one language; each kind of object has its own table. */
@MappedSuperclass
public abstract class TranslationRow extends PanacheEntityBase {

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    abstract void key(UUID objectId, String lang);

    abstract String lang();

    /** Replaces every translated column: a field absent from {@code fields} becomes untranslated (null). */
    abstract void fields(Map<String, String> fields);

    /** The translated columns in their table's order, by name. */
    abstract String[] values();

    Translation view(Translated kind) {
        Map<String, String> fields = new LinkedHashMap<>();
        String[] values = values();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                fields.put(kind.fields.get(i), values[i]);
            }
        }
        return new Translation(lang(), fields, updatedAt);
    }
}
