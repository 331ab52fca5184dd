package org.originlive.i18n;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.UUID;

/** A translation of a sale's text (table sale_translation). */
@Entity
@Table(name = "sale_translation")
@IdClass(TranslationKey.class)
public class SaleTranslationRow extends TranslationRow {

    @Id
    @Column(name = "sale_id")
    public UUID objectId;

    @Id
    public String lang;

    public String title;

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
        title = fields.get("title");
    }

    @Override
    String[] values() {
        return new String[] {title};
    }
}
