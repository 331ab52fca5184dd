package org.originlive.sale;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.ProblemException;
import org.originlive.common.Role;
import org.originlive.i18n.Languages;
import org.originlive.i18n.Translated;
import org.originlive.i18n.Translations;

/** Translations of a sale's title, written by its host or an admin. */
@ApplicationScoped
public class SaleTranslationService {

    private final SaleQueries sales;
    private final Translations translations;
    private final Languages languages;

    SaleTranslationService(SaleQueries sales, Translations translations, Languages languages) {
        this.sales = sales;
        this.translations = translations;
        this.languages = languages;
    }

    public Uni<SaleApi.SaleTranslation> translate(Caller caller, UUID id, String lang, SaleApi.TranslateSale request) {
        String tag = languages.require("lang", lang);
        return sales.get(id)
                .flatMap(sale -> {
                    if (!caller.is(Role.ADMIN) && !sale.hostId().equals(caller.id())) {
                        throw ProblemException.forbidden("Only the sale's host or an admin may translate it");
                    }
                    if (tag.equals(sale.sourceLang())) {
                        throw ProblemException.invalid("lang", "is the sale's source language; it is not translated");
                    }
                    return translations.put(
                            Translated.SALE,
                            id,
                            tag,
                            Map.of("title", request.title().trim()));
                })
                .map(SaleApi.SaleTranslation::of);
    }

    public Uni<SaleApi.SaleTranslations> translations(UUID id) {
        return sales.get(id).flatMap(sale -> translations
                .all(Translated.SALE, id)
                .map(all -> new SaleApi.SaleTranslations(
                        id,
                        sale.sourceLang(),
                        all.stream().map(SaleApi.SaleTranslation::of).toList())));
    }
}
