package org.originlive;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;
import org.originlive.common.Caller;
import org.originlive.common.OwnsTables;

/**
 * The package map of docs/architecture.md, enforced: features by package with no cycles, each
 * repository private to its feature, SQL only in the classes that own tables, and one owner
 * per table. Features are computed from the packages, never listed by hand.
 */
@AnalyzeClasses(packages = "org.originlive", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final Set<String> SQL_METHODS = Set.of("preparedQuery", "query");

    @ArchTest
    static final ArchRule featuresFormNoCycles =
            slices().matching("org.originlive.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule commonDependsOnNoFeature = noClasses()
            .that()
            .resideInAPackage("org.originlive.common..")
            .should()
            .dependOnClassesThat(
                    resideInAPackage("org.originlive..").and(not(resideInAPackage("org.originlive.common.."))));

    @ArchTest
    static final ArchRule orderNeverPointsUpIntoCheckout = noClasses()
            .that()
            .resideInAPackage("org.originlive.order..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.originlive.checkout..");

    @ArchTest
    static final ArchRule cooperativesDoNotKnowTheCatalog = noClasses()
            .that()
            .resideInAPackage("org.originlive.cooperative..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.originlive.catalog..");

    @ArchTest
    static final ArchRule repositoriesArePrivateToTheirFeature =
            classes().that().haveSimpleNameEndingWith("Repository").should(beUsedOnlyInTheirOwnPackage());

    @ArchTest
    static final ArchRule onlyTableOwnersRunSql = noClasses()
            .that()
            .areNotAnnotatedWith(OwnsTables.class)
            .should()
            .callMethodWhere(runsSql())
            .because("each table has one owning class that writes it (@OwnsTables); others call the owner");

    @ArchTest
    static final ArchRule sessionsRunOneOperationAtATime = noClasses()
            .that(useHibernateReactiveSessions())
            .should()
            .callMethod(Uni.class, "combine")
            .orShould()
            .callMethod(Uni.class, "join")
            .because("a Hibernate Reactive session runs one operation at a time and nothing detects"
                    + " interleaved ones; page through common.Paging, chain the rest with flatMap");

    @ArchTest
    static final ArchRule servicesDoNotUseResources = noClasses()
            .that()
            .haveSimpleNameEndingWith("Service")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Resource");

    @ArchTest
    static final ArchRule repositoriesDoNotUseServicesOrResources = noClasses()
            .that()
            .haveSimpleNameEndingWith("Repository")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Service")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Resource");

    @ArchTest
    static final ArchRule resourcesDoNotUseRepositories = noClasses()
            .that()
            .haveSimpleNameEndingWith("Resource")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository");

    @ArchTest
    static final ArchRule onlyResourcesHoldTheRequestsCaller = fields().that()
            .haveRawType(Caller.class)
            .and()
            .areNotStatic()
            .should()
            .beDeclaredInClassesThat()
            .areAnnotatedWith(jakarta.ws.rs.Path.class)
            .because("the injected Caller is the current request's; whatever outlives a request (a batch,"
                    + " a queue, a socket, a job) keeps plain values such as its id");

    @ArchTest
    static final ArchRule onlyTheMainAndTestsStartALocalDatabase = noClasses()
            .that()
            .resideOutsideOfPackage("org.originlive.devdb..")
            .and()
            .doNotHaveSimpleName("OriginLiveMain")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.originlive.devdb..");

    @Test
    void noTableHasTwoOwners() {
        JavaClasses all = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.originlive");
        Map<String, String> owners = new HashMap<>();
        for (JavaClass owner : all) {
            if (owner.isAnnotatedWith(OwnsTables.class)) {
                for (String table : owner.getAnnotationOfType(OwnsTables.class).value()) {
                    String earlier = owners.putIfAbsent(table, owner.getName());
                    assertThat(earlier)
                            .as("owner of " + table + " besides " + owner.getName())
                            .isNull();
                }
            }
        }
        assertThat(owners).containsKeys("product.stock", "sale.seq", "sale_item.remaining", "idempotency_key");
    }

    private static DescribedPredicate<JavaClass> useHibernateReactiveSessions() {
        return DescribedPredicate.describe(
                "are Panache repositories or entities, open sessions or transactions, or query through"
                        + " Panache or a Mutiny session",
                type -> type.isAssignableTo(PanacheRepositoryBase.class)
                        || type.isAssignableTo(PanacheEntityBase.class)
                        || type.getMethods().stream()
                                .anyMatch(m -> m.isAnnotatedWith(WithSession.class)
                                        || m.isAnnotatedWith(WithTransaction.class))
                        || type.getMethodCallsFromSelf().stream()
                                .anyMatch(call -> call.getTargetOwner().isAssignableTo(PanacheQuery.class)
                                        || call.getTargetOwner().isAssignableTo(Panache.class)
                                        || call.getTargetOwner().getName().startsWith(Mutiny.class.getName())));
    }

    private static DescribedPredicate<com.tngtech.archunit.core.domain.JavaMethodCall> runsSql() {
        return DescribedPredicate.describe(
                "a SQL statement on a Vert.x SqlClient",
                call -> SQL_METHODS.contains(call.getName())
                        && (call.getTargetOwner().isAssignableTo(io.vertx.mutiny.sqlclient.SqlClient.class)
                                || call.getTargetOwner().isAssignableTo(io.vertx.sqlclient.SqlClient.class)));
    }

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
        return new ArchCondition<>("be used only by classes of their own feature package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                repository.getDirectDependenciesToSelf().forEach(dependency -> {
                    JavaClass user = dependency.getOriginClass();
                    boolean own = user.getPackageName().equals(repository.getPackageName());
                    if (!own) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }
}
