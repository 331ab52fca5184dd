package org.originlive.demo;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.originlive.account.AccountService;
import org.originlive.catalog.ProductApi;
import org.originlive.catalog.ProductService;
import org.originlive.catalog.ProductTranslationService;
import org.originlive.catalog.StorefrontApi;
import org.originlive.common.Caller;
import org.originlive.common.ProblemException;
import org.originlive.common.Role;
import org.originlive.cooperative.Cooperative;
import org.originlive.cooperative.CooperativeApi;
import org.originlive.cooperative.CooperativeService;
import org.originlive.i18n.Lang;

/**
 * The seed story's producers and one account per role, loaded once in the run command's
 * profile ({@code originlive.demo.enabled=true}); never in production or tests.
 */
@ApplicationScoped
public class DemoData {

    public static final String PASSWORD = "originlive-demo";

    private final boolean enabled;
    private final CooperativeService cooperativeService;
    private final ProductService products;
    private final ProductTranslationService productTranslations;
    private final AccountService accounts;
    private final DemoOrigin origin;

    DemoData(
            DemoConfig config,
            CooperativeService cooperativeService,
            ProductService products,
            ProductTranslationService productTranslations,
            AccountService accounts,
            DemoOrigin origin) {
        this.enabled = config.enabled();
        this.cooperativeService = cooperativeService;
        this.products = products;
        this.productTranslations = productTranslations;
        this.accounts = accounts;
        this.origin = origin;
    }

    // Runs on the main thread during start-up, where waiting is allowed.
    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!enabled) {
            return;
        }
        boolean loaded = VertxContextSupport.subscribeAndAwait(() -> cooperativeService
                .bySlug(DemoCatalog.COOPERATIVES.get(0).cooperative().slug(), "Cooperative")
                .map(existing -> true)
                .onFailure(ProblemException.class)
                .recoverWithItem(false));
        if (loaded) {
            Log.info("Demo data already present");
        } else {
            VertxContextSupport.subscribeAndAwait(this::load);
            Log.infof("Loaded demo data; demo accounts use the password '%s' (see README)", PASSWORD);
        }
        // Also on data loaded before translations existed: storing a translation again changes nothing.
        VertxContextSupport.subscribeAndAwait(this::translate);
    }

    /** The zh-CN and fr translations of every demo story and product. */
    private Uni<Void> translate() {
        Caller admin = new Caller(UUID.randomUUID(), Set.of(Role.ADMIN), null);
        return Multi.createFrom()
                .iterable(DemoCatalog.COOPERATIVES)
                .onItem()
                .transformToUniAndConcatenate(
                        entry -> products.storefront(entry.cooperative().slug(), Lang.SOURCE)
                                .flatMap(storefront -> translate(admin, storefront)))
                .collect()
                .last()
                .replaceWithVoid();
    }

    private Uni<Void> translate(Caller admin, StorefrontApi storefront) {
        UUID coop = storefront.cooperative().id();
        DemoTranslations.Story story =
                DemoTranslations.STORIES.get(storefront.cooperative().slug());
        Uni<Void> chain = cooperativeService
                .translate(admin, coop, "zh-CN", new CooperativeApi.TranslateCooperative(story.zhCn()))
                .flatMap(x -> cooperativeService.translate(
                        admin, coop, "fr", new CooperativeApi.TranslateCooperative(story.fr())))
                .replaceWithVoid();
        for (ProductApi.ProductView product : storefront.products()) {
            DemoTranslations.Product text = DemoTranslations.PRODUCTS.get(product.sku());
            if (text != null) {
                chain = chain.flatMap(x -> productTranslations.translate(admin, product.id(), "zh-CN", text.zhCn()))
                        .flatMap(x -> productTranslations.translate(admin, product.id(), "fr", text.fr()))
                        .replaceWithVoid();
            }
        }
        return chain;
    }

    private Uni<Void> load() {
        Caller admin = new Caller(UUID.randomUUID(), Set.of(Role.ADMIN), null);
        return Multi.createFrom()
                .iterable(DemoCatalog.COOPERATIVES)
                .onItem()
                .transformToUniAndConcatenate(entry -> cooperativeService
                        .create(entry.cooperative())
                        .flatMap(c -> addProducts(admin, c, entry.products()).replaceWith(c)))
                .collect()
                .asList()
                .flatMap(created -> accounts(created).flatMap(x -> origin.load(created)));
    }

    private Uni<Void> addProducts(Caller admin, Cooperative cooperative, List<ProductApi.CreateProduct> list) {
        return Multi.createFrom()
                .iterable(list)
                .onItem()
                .transformToUniAndConcatenate(p -> products.create(admin, cooperative.id, p))
                .collect()
                .last()
                .replaceWithVoid();
    }

    private Uni<Void> accounts(List<Cooperative> created) {
        UUID coffee = created.stream()
                .filter(c -> c.slug.equals(DemoCatalog.COFFEE_SLUG))
                .findFirst()
                .orElseThrow()
                .id;
        return accounts.create("admin@demo.originlive.org", PASSWORD, "Demo Admin", Role.ADMIN, null, null)
                .flatMap(x -> accounts.create(
                        "host@demo.originlive.org",
                        PASSWORD,
                        "Genet T.",
                        Role.HOST,
                        null,
                        "Embassy of Ethiopia in Beijing"))
                .flatMap(x -> accounts.create(
                        "coffee@demo.originlive.org", PASSWORD, "Sidama Coffee Desk", Role.COOPERATIVE, coffee, null))
                .flatMap(x ->
                        accounts.create("buyer@demo.originlive.org", PASSWORD, "Li Wei", Role.CONSUMER, null, null))
                .replaceWithVoid();
    }
}
