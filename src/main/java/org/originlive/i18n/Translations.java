package org.originlive.i18n;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.originlive.common.Upserts;

/**
 * The translation tables. Features check who may edit an object and apply translations to their
 * own views; this class only stores and fetches (a page's translations come in one query, never
 * one per object).
 */
@ApplicationScoped
public class Translations {

    private final ProductTranslationRepository products;
    private final CooperativeTranslationRepository cooperatives;
    private final SaleTranslationRepository sales;
    private final TranslationReads reads;
    private final Clock clock;

    Translations(
            ProductTranslationRepository products,
            CooperativeTranslationRepository cooperatives,
            SaleTranslationRepository sales,
            TranslationReads reads,
            Clock clock) {
        this.products = products;
        this.cooperatives = cooperatives;
        this.sales = sales;
        this.reads = reads;
        this.clock = clock;
    }

    /** Stores the object's translation into {@code lang}, replacing an earlier one (null fields: untranslated). */
    public Uni<Translation> put(Translated kind, UUID id, String lang, Map<String, String> fields) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Upserts.inTransaction(() -> switch (kind) {
            case PRODUCT -> store(products, ProductTranslationRow::new, kind, id, lang, fields, now);
            case COOPERATIVE -> store(cooperatives, CooperativeTranslationRow::new, kind, id, lang, fields, now);
            case SALE -> store(sales, SaleTranslationRow::new, kind, id, lang, fields, now);
        });
    }

    private static <E extends TranslationRow> Uni<Translation> store(
            PanacheRepositoryBase<E, TranslationKey> rows,
            Supplier<E> created,
            Translated kind,
            UUID id,
            String lang,
            Map<String, String> fields,
            Instant now) {
        return rows.findById(new TranslationKey(id, lang))
                .flatMap(found -> {
                    E row = found != null ? found : created.get();
                    row.key(id, lang);
                    row.fields(fields);
                    row.updatedAt = now;
                    return rows.persist(row);
                })
                .map(row -> row.view(kind));
    }

    /** Every translation of one object, by language. */
    @WithSession
    public Uni<List<Translation>> all(Translated kind, UUID id) {
        PanacheRepositoryBase<? extends TranslationRow, TranslationKey> rows =
                switch (kind) {
                    case PRODUCT -> products;
                    case COOPERATIVE -> cooperatives;
                    case SALE -> sales;
                };
        return rows.list("objectId", Sort.by("lang"), id)
                .map(list -> list.stream().map(row -> row.view(kind)).toList());
    }

    /** The translations into {@code lang} of these objects, by object id; empty for the source language. */
    public Uni<Map<UUID, Translation>> of(Translated kind, Collection<UUID> ids, Lang lang) {
        if (lang.isSource() || ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return reads.of(kind, ids, lang.tag());
    }
}
