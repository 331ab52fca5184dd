package org.originlive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** rest → service → repository, never back (STYLE.md). */
@AnalyzeClasses(packages = "org.originlive", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

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
    static final ArchRule onlyTheMainAndTestsStartALocalDatabase = noClasses()
            .that()
            .resideOutsideOfPackage("org.originlive.devdb..")
            .and()
            .doNotHaveSimpleName("OriginLiveMain")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.originlive.devdb..");

    @ArchTest
    static final ArchRule commonDependsOnNoFeature = noClasses()
            .that()
            .resideInAPackage("org.originlive.common..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.originlive.account..",
                    "org.originlive.cooperative..",
                    "org.originlive.catalog..",
                    "org.originlive.sale..",
                    "org.originlive.order..");
}
