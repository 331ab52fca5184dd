package org.originlive.common;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Supplier;

/**
 * Pages of a query: the items, then the total, one after the other. A Hibernate Reactive session
 * runs one operation at a time (nothing detects interleaved ones, they just corrupt its state), so
 * the two queries of a Panache page must never be combined into one concurrent {@code Uni}.
 */
public final class Paging {

    private Paging() {}

    /** The requested page of a Panache query and its total, in sequence on the query's session. */
    public static <E> Uni<Page<E>> page(PanacheQuery<E> query, PageRequest request) {
        PanacheQuery<E> paged = query.page(request.page(), request.size());
        return inSequence(paged::list, paged::count, request);
    }

    /** Subscribes to {@code total} only after {@code items} has answered. */
    static <E> Uni<Page<E>> inSequence(
            Supplier<Uni<? extends List<E>>> items, Supplier<Uni<? extends Long>> total, PageRequest request) {
        return Uni.createFrom().deferred(items).flatMap(list -> Uni.createFrom()
                .deferred(total)
                .map(count -> new Page<>(list, request.page(), request.size(), count)));
    }
}
