package org.originlive;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.originlive.ArchitectureConditions.areVisibleOutsideTheirPackageAndOutsideCommon;
import static org.originlive.ArchitectureConditions.beUsedOnlyInTheirOwnPackage;
import static org.originlive.ArchitectureConditions.declareNoTables;
import static org.originlive.ArchitectureConditions.declared;
import static org.originlive.ArchitectureConditions.exposeNoSqlClientType;
import static org.originlive.ArchitectureConditions.feature;
import static org.originlive.ArchitectureConditions.imported;
import static org.originlive.ArchitectureConditions.nameAtLeastOneTable;
import static org.originlive.ArchitectureConditions.opensTransactionOrConnection;
import static org.originlive.ArchitectureConditions.runsSql;
import static org.originlive.ArchitectureConditions.sourceOf;
import static org.originlive.ArchitectureConditions.useHibernateReactiveSessions;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.common.Caller;
import org.originlive.common.OwnsTables;
import org.originlive.common.ReadsTables;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * The package map of docs/architecture.md, enforced: features by package with no cycles, each
 * repository private to its feature, SQL only in the classes that own (or only read) tables and
 * only on their own feature's tables, one owner per table, one way to open a transaction, and
 * no driver type between features. Features are computed from the packages, never listed by hand.
 */
@AnalyzeClasses(packages = "org.originlive", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

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
            .that(declareNoTables())
            .should()
            .callMethodWhere(runsSql())
            .because("each table has one owning class that writes it (@OwnsTables); others call the owner");

    @ArchTest
    static final ArchRule onlyTableOwnersOpenATx = noClasses()
            .that(declareNoTables())
            .should()
            .callMethod(Tx.class, "sql")
            .because("a Tx is handed between features; only table owners and readers run statements on it");

    @ArchTest
    static final ArchRule onlyTransactionsOpensTransactions = noClasses()
            .that()
            .doNotBelongToAnyOf(Transactions.class)
            .should()
            .callMethodWhere(opensTransactionOrConnection())
            .because("common.Transactions is the one way a unit of work gets a transaction or connection");

    @ArchTest
    static final ArchRule noDriverTypesAcrossFeatures = codeUnits()
            .that(areVisibleOutsideTheirPackageAndOutsideCommon())
            .should(exposeNoSqlClientType())
            .because("features hand each other a common.Tx and records, never a Vert.x SQL type");

    @ArchTest
    static final ArchRule tableAnnotationsNameTables = classes()
            .that()
            .areAnnotatedWith(OwnsTables.class)
            .or()
            .areAnnotatedWith(ReadsTables.class)
            .should(nameAtLeastOneTable())
            .because("@OwnsTables({}) was an escape hatch: a class that only reads says so with @ReadsTables");

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
        JavaClasses all = imported();
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

    /**
     * Every table named in an owner's or reader's SQL belongs to its own feature; readers write
     * nothing and read only tables their feature owns. Reports every offence at once.
     */
    @Test
    void sqlTouchesOnlyItsOwnFeaturesTables() throws IOException {
        JavaClasses all = imported();
        Map<String, String> featureOf = new HashMap<>();
        for (JavaClass owner : all) {
            for (String table : declared(owner, OwnsTables.class)) {
                if (!table.startsWith("notify:")) {
                    featureOf.put(table.split("\\.")[0], feature(owner));
                }
            }
        }
        List<String> offences = new ArrayList<>();
        for (JavaClass type : all) {
            boolean reader = type.isAnnotatedWith(ReadsTables.class);
            if (!reader && !type.isAnnotatedWith(OwnsTables.class)) {
                continue;
            }
            String sql = SqlTables.literals(Files.readString(sourceOf(type)));
            for (String table : SqlTables.named(sql)) {
                String owner = featureOf.get(table);
                if (owner != null && !owner.equals(feature(type))) {
                    offences.add(type.getName() + " uses " + table + " of " + owner);
                }
            }
            for (String table : declared(type, ReadsTables.class)) {
                if (!feature(type).equals(featureOf.get(table))) {
                    offences.add(type.getName() + " declares it reads " + table + ", not a table of its feature");
                }
            }
            if (reader && SqlTables.writes(sql)) {
                offences.add(type.getName() + " is @ReadsTables but its SQL writes");
            }
        }
        assertThat(offences).as("SQL on other features' tables").isEmpty();
    }
}
