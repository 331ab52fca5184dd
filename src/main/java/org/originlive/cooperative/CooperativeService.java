package org.originlive.cooperative;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.originlive.catalog.ProductApi;
import org.originlive.catalog.ProductRepository;
import org.originlive.common.Codes;
import org.originlive.common.Failures;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.ProblemException;

@ApplicationScoped
public class CooperativeService {

    private final CooperativeRepository cooperatives;
    private final ProductRepository products;
    private final Clock clock;

    CooperativeService(CooperativeRepository cooperatives, ProductRepository products, Clock clock) {
        this.cooperatives = cooperatives;
        this.products = products;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Cooperative> create(CooperativeApi.CreateCooperative request) {
        Codes.requireCountry("country", request.country());
        Codes.requireCurrency("payoutCurrency", request.payoutCurrency());
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
                    c.createdAt = clock.instant();
                    return cooperatives.persistAndFlush(c);
                })
                .onFailure(Failures::isUniqueViolation)
                .transform(e -> slugTaken());
    }

    public Uni<Page<Cooperative>> list(PageRequest page) {
        return cooperatives.page(page);
    }

    public Uni<CooperativeApi.Storefront> storefront(String slug) {
        return cooperatives
                .bySlug(slug)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Storefront", slug))
                .flatMap(c -> products.activeOf(c.id)
                        .map(list -> new CooperativeApi.Storefront(
                                CooperativeApi.CooperativeView.of(c),
                                list.stream().map(ProductApi.ProductView::of).toList())));
    }

    private static ProblemException slugTaken() {
        return ProblemException.conflict("slug-taken", "Slug taken", "A cooperative with this slug already exists");
    }
}
