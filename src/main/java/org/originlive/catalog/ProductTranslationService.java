package org.originlive.catalog;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.ProblemException;
import org.originlive.i18n.Languages;
import org.originlive.i18n.Translated;
import org.originlive.i18n.Translations;

/** Translations of a product's name and description, written by whoever may edit the product. */
@ApplicationScoped
public class ProductTranslationService {

    private final ProductService products;
    private final Translations translations;
    private final Languages languages;

    ProductTranslationService(ProductService products, Translations translations, Languages languages) {
        this.products = products;
        this.translations = translations;
        this.languages = languages;
    }

    /** Stores (replaces) the translation into {@code lang}; absent fields stay untranslated. */
    public Uni<ProductApi.ProductTranslation> translate(
            Caller caller, UUID id, String lang, ProductApi.TranslateProduct request) {
        String tag = languages.require("lang", lang);
        Map<String, String> fields = new HashMap<>();
        if (request.name() != null) {
            fields.put("name", text("name", request.name()));
        }
        if (request.description() != null) {
            fields.put("description", text("description", request.description()));
        }
        if (fields.isEmpty()) {
            throw ProblemException.invalid("body", "names no field to translate (name, description)");
        }
        return products.get(id)
                .flatMap(p -> {
                    caller.requireCooperative(p.cooperativeId);
                    if (tag.equals(p.sourceLang)) {
                        throw ProblemException.invalid("lang", "is the product's source language; PATCH the product");
                    }
                    return translations.put(Translated.PRODUCT, id, tag, fields);
                })
                .map(ProductApi.ProductTranslation::of);
    }

    /** The editor's list: the product's source language and every translation. */
    public Uni<ProductApi.ProductTranslations> translations(UUID id) {
        return products.get(id).flatMap(p -> translations
                .all(Translated.PRODUCT, id)
                .map(all -> new ProductApi.ProductTranslations(
                        id,
                        p.sourceLang,
                        all.stream().map(ProductApi.ProductTranslation::of).toList())));
    }

    private static String text(String field, String value) {
        if (value.isBlank()) {
            throw ProblemException.invalid(field, "must not be blank (leave it out to keep it untranslated)");
        }
        return value.trim();
    }
}
