package org.originlive.cooperative;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.Codes;
import org.originlive.common.Failures;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.i18n.Lang;
import org.originlive.i18n.Languages;
import org.originlive.i18n.Translated;
import org.originlive.i18n.Translations;

@ApplicationScoped
public class CooperativeService {

    private final CooperativeRepository cooperatives;
    private final Translations translations;
    private final Languages languages;
    private final Clock clock;

    CooperativeService(
            CooperativeRepository cooperatives, Translations translations, Languages languages, Clock clock) {
        this.cooperatives = cooperatives;
        this.translations = translations;
        this.languages = languages;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Cooperative> create(CooperativeApi.CreateCooperative request) {
        Codes.requireCountry("country", request.country());
        Codes.requireCurrency("payoutCurrency", request.payoutCurrency());
        String sourceLang = languages.sourceLang(request.sourceLang());
        return cooperatives
                .bySlug(request.slug())
                .flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(slugTaken());
                    }
                    Cooperative c = new Cooperative();
                    c.id = UUID.randomUUID();
                    c.slug = request.slug();
                    c.name = request.name().trim();
                    c.country = request.country();
                    c.region = request.region().trim();
                    c.story = request.story().trim();
                    c.payoutCurrency = request.payoutCurrency();
                    c.sourceLang = sourceLang;
                    c.createdAt = clock.instant();
                    return cooperatives.persistAndFlush(c);
                })
                .onFailure(Failures::isUniqueViolation)
                .transform(e -> slugTaken());
    }

    public Uni<Page<Cooperative>> list(PageRequest page) {
        return cooperatives.page(page);
    }

    /** A page of cooperatives served in {@code lang}, their translations read in one query. */
    public Uni<Page<CooperativeApi.CooperativeView>> list(PageRequest page, Lang lang) {
        return cooperatives.page(page).flatMap(found -> translations
                .of(
                        Translated.COOPERATIVE,
                        found.items().stream().map(c -> c.id).toList(),
                        lang)
                .map(texts -> found.map(c -> CooperativeApi.CooperativeView.of(c, texts.get(c.id)))));
    }

    /** The cooperative served in {@code lang} (its story translated when a translation exists). */
    public Uni<CooperativeApi.CooperativeView> view(Cooperative c, Lang lang) {
        return translations
                .of(Translated.COOPERATIVE, List.of(c.id), lang)
                .map(texts -> CooperativeApi.CooperativeView.of(c, texts.get(c.id)));
    }

    /** Stores the story's translation into {@code lang}: the cooperative's staff or an admin. */
    public Uni<CooperativeApi.CooperativeTranslation> translate(
            Caller caller, UUID id, String lang, CooperativeApi.TranslateCooperative request) {
        String tag = languages.require("lang", lang);
        caller.requireCooperative(id);
        return get(id).flatMap(c -> {
                    if (tag.equals(c.sourceLang)) {
                        throw ProblemException.invalid("lang", "is the story's source language; it is not translated");
                    }
                    return translations.put(
                            Translated.COOPERATIVE,
                            id,
                            tag,
                            Map.of("story", request.story().trim()));
                })
                .map(CooperativeApi.CooperativeTranslation::of);
    }

    /** The editor's list of the story's translations. */
    public Uni<CooperativeApi.CooperativeTranslations> translations(UUID id) {
        return get(id).flatMap(c -> translations
                .all(Translated.COOPERATIVE, id)
                .map(all -> new CooperativeApi.CooperativeTranslations(
                        id,
                        c.sourceLang,
                        all.stream()
                                .map(CooperativeApi.CooperativeTranslation::of)
                                .toList())));
    }

    /** Those of these cooperatives that exist, in no particular order. */
    public Uni<List<Cooperative>> byIds(List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : cooperatives.byIds(ids);
    }

    /** The cooperative, or a 404 problem. */
    public Uni<Cooperative> get(UUID id) {
        return cooperatives.byId(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Cooperative", id));
    }

    /** The cooperatives of these ids that exist, in one query, by name, then id. */
    public Uni<List<Cooperative>> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : cooperatives.byIds(ids);
    }

    /** The cooperative with this slug, or a 404 problem naming {@code what} was looked for. */
    public Uni<Cooperative> bySlug(String slug, String what) {
        return cooperatives.bySlug(slug).onItem().ifNull().failWith(() -> ProblemException.notFound(what, slug));
    }

    private static ProblemException slugTaken() {
        return new ProblemException(ProblemType.SLUG_TAKEN, "A cooperative with this slug already exists");
    }
}
