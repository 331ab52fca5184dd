package org.originlive.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.Paging;

@ApplicationScoped
@OwnsTables("product")
public class ProductRepository implements PanacheRepositoryBase<Product, UUID> {

    @WithSession
    public Uni<Product> byId(UUID id) {
        return findById(id);
    }

    @WithSession
    public Uni<List<Product>> activeOf(UUID cooperativeId) {
        return list(
                "cooperativeId = ?1 and status = ?2", Sort.by("name").and("id"), cooperativeId, ProductStatus.ACTIVE);
    }

    /** Active products, optionally of one cooperative and matching a text in name or description. */
    @WithSession
    public Uni<Page<Product>> search(UUID cooperativeId, String text, PageRequest request) {
        StringBuilder where = new StringBuilder("status = :status");
        Parameters params = Parameters.with("status", ProductStatus.ACTIVE);
        if (cooperativeId != null) {
            where.append(" and cooperativeId = :cooperative");
            params.and("cooperative", cooperativeId);
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (lower(name) like :text or lower(description) like :text)");
            params.and("text", "%" + escapeLike(text.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        return Paging.page(find(where.toString(), Sort.by("name").and("id"), params), request);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
