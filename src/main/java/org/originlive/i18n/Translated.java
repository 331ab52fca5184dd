package org.originlive.i18n;

import java.util.List;

/** The kinds of objects whose text has translations: each its own table keyed by (object, language). */
public enum Translated {
    PRODUCT("product_translation", "product_id", List.of("name", "description")),
    COOPERATIVE("cooperative_translation", "cooperative_id", List.of("story")),
    SALE("sale_translation", "sale_id", List.of("title"));

    final String table;
    final String key;
    final List<String> fields;

    Translated(String table, String key, List<String> fields) {
        this.table = table;
        this.key = key;
        this.fields = fields;
    }
}
