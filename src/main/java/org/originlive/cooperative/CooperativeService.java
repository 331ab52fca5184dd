package org.originlive.cooperative;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.originlive.common.Codes;
import org.originlive.common.Failures;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;

@ApplicationScoped
public class CooperativeService {

    private final CooperativeRepository cooperatives;
    private final Clock clock;

    CooperativeService(CooperativeRepository cooperatives, Clock clock) {
        this.cooperatives = cooperatives;
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

    /** The cooperative, or a 404 problem. */
    public Uni<Cooperative> get(UUID id) {
        return cooperatives.byId(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Cooperative", id));
    }

    /** The cooperative with this slug, or a 404 problem naming {@code what} was looked for. */
    public Uni<Cooperative> bySlug(String slug, String what) {
        return cooperatives.bySlug(slug).onItem().ifNull().failWith(() -> ProblemException.notFound(what, slug));
    }

    private static ProblemException slugTaken() {
        return new ProblemException(ProblemType.SLUG_TAKEN, "A cooperative with this slug already exists");
    }
}
