package org.originlive.catalog;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.Codes;
import org.originlive.common.Failures;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;
import org.originlive.cooperative.CooperativeService;
import org.originlive.i18n.Lang;
import org.originlive.i18n.Languages;
import org.originlive.i18n.Translated;
import org.originlive.i18n.Translations;

@ApplicationScoped
public class ProductService {

    private final ProductRepository products;
    private final CooperativeService cooperatives;
    private final Translations translations;
    private final Languages languages;
    private final Clock clock;

    ProductService(
            ProductRepository products,
            CooperativeService cooperatives,
            Translations translations,
            Languages languages,
            Clock clock) {
        this.products = products;
        this.cooperatives = cooperatives;
        this.translations = translations;
        this.languages = languages;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Product> create(Caller caller, UUID cooperativeId, ProductApi.CreateProduct request) {
        caller.requireCooperative(cooperativeId);
        Codes.requireCurrency("currency", request.currency());
        String sourceLang = languages.sourceLang(request.sourceLang());
        return cooperatives
                .get(cooperativeId)
                .flatMap(cooperative -> products.find("cooperativeId = ?1 and sku = ?2", cooperativeId, request.sku())
                        .firstResult())
                .flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(skuTaken());
                    }
                    Product p = new Product();
                    p.id = UUID.randomUUID();
                    p.cooperativeId = cooperativeId;
                    p.sku = request.sku();
                    p.name = request.name().trim();
                    p.description = request.description().trim();
                    p.unit = request.unit().trim();
                    p.priceMinor = request.priceMinor();
                    p.currency = request.currency();
                    p.stock = request.stock();
                    p.imageUrl = ImageUrls.checked(request.imageUrl());
                    p.status = ProductStatus.ACTIVE;
                    p.sourceLang = sourceLang;
                    p.createdAt = clock.instant();
                    p.updatedAt = p.createdAt;
                    return products.persistAndFlush(p);
                })
                .onFailure(Failures::isUniqueViolation)
                .transform(e -> skuTaken());
    }

    @WithTransaction
    public Uni<Product> patch(Caller caller, UUID id, ProductApi.PatchProduct patch) {
        if (patch.name() == null
                && patch.description() == null
                && patch.unit() == null
                && patch.priceMinor() == null
                && patch.stock() == null
                && patch.status() == null
                && patch.imageUrl() == null) {
            throw ProblemException.invalid("body", "names no field to change");
        }
        return get(id).flatMap(p -> {
                    caller.requireCooperative(p.cooperativeId);
                    if (patch.name() != null) {
                        p.name = requireText("name", patch.name());
                    }
                    if (patch.description() != null) {
                        p.description = patch.description().trim();
                    }
                    if (patch.unit() != null) {
                        p.unit = requireText("unit", patch.unit());
                    }
                    if (patch.priceMinor() != null) {
                        p.priceMinor = patch.priceMinor();
                    }
                    if (patch.stock() != null) {
                        p.stock = patch.stock();
                    }
                    if (patch.status() != null) {
                        p.status = patch.status();
                    }
                    if (patch.imageUrl() != null) {
                        p.imageUrl = ImageUrls.checked(patch.imageUrl());
                    }
                    p.updatedAt = clock.instant();
                    return products.flush().replaceWith(p);
                })
                .onFailure(Failures::isOptimisticLock)
                .transform(e -> new ProblemException(
                        ProblemType.CONCURRENT_UPDATE, "The product changed meanwhile; read it again"));
    }

    public Uni<Product> get(UUID id) {
        return products.byId(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Product", id));
    }

    /** The product served in {@code lang}, each field falling back to the source text. */
    public Uni<ProductApi.ProductView> view(UUID id, Lang lang) {
        return get(id).flatMap(p -> translated(List.of(p), lang).map(views -> views.get(0)));
    }

    public Uni<Page<ProductApi.ProductView>> search(UUID cooperativeId, String text, PageRequest page, Lang lang) {
        return products.search(cooperativeId, text, page).flatMap(found -> translated(found.items(), lang)
                .map(views -> new Page<>(views, found.page(), found.size(), found.total())));
    }

    /** A cooperative's storefront in {@code lang}: the cooperative and its ACTIVE products. */
    public Uni<StorefrontApi> storefront(String slug, Lang lang) {
        return cooperatives
                .bySlug(slug, "Storefront")
                .flatMap(c -> cooperatives.view(c, lang).flatMap(view -> products.activeOf(c.id)
                        .flatMap(list -> translated(list, lang))
                        .map(list -> new StorefrontApi(view, list))));
    }

    /** Views of the products in {@code lang}, their translations read in one query. */
    private Uni<List<ProductApi.ProductView>> translated(List<Product> list, Lang lang) {
        return translations
                .of(Translated.PRODUCT, list.stream().map(p -> p.id).toList(), lang)
                .map(found -> list.stream()
                        .map(p -> ProductApi.ProductView.of(p, found.get(p.id)))
                        .toList());
    }

    private static String requireText(String field, String value) {
        if (value.isBlank()) {
            throw ProblemException.invalid(field, "must not be blank");
        }
        return value.trim();
    }

    private static ProblemException skuTaken() {
        return new ProblemException(ProblemType.SKU_TAKEN, "This cooperative already has a product with this SKU");
    }
}
