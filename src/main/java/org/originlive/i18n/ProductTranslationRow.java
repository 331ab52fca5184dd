package org.originlive.i18n;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.UUID;

/** A translation of a product's text (table product_translation). */
@Entity
@Table(name = "product_translation")
@IdClass(TranslationKey.class)
public class ProductTranslationRow extends TranslationRow {

    @Id
    @Column(name = "product_id")
    public UUID objectId;

    @Id
    public String lang;

    public String name;

    public String description;

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
        name = fields.get("name");
        description = fields.get("description");
    }

    @Override
    String[] values() {
        return new String[] {name, description};
    }
}
