package org.originlive.i18n;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.UUID;

/** A translation of a cooperative's text (table cooperative_translation). */
@Entity
@Table(name = "cooperative_translation")
@IdClass(TranslationKey.class)
public class CooperativeTranslationRow extends TranslationRow {

    @Id
    @Column(name = "cooperative_id")
    public UUID objectId;

    @Id
    public String lang;

    public String story;

    @Override
    void key(UUID objectId, String lang) {
        this.objectId = objectId;
        this.lang = lang;
    }

    @Override
    String lang() {
        return lang;
    }

    @Override
    void fields(Map<String, String> fields) {
        story = fields.get("story");
    }

    @Override
    String[] values() {
        return new String[] {story};
    }
}
