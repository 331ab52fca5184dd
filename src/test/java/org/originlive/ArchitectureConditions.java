package org.originlive;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hibernate.reactive.mutiny.Mutiny;
import org.originlive.common.OwnsTables;
import org.originlive.common.ReadsTables;

/** The predicates and conditions of {@link ArchitectureTest}'s rules. */
final class ArchitectureConditions {

    static final Set<String> SQL_METHODS = Set.of("preparedQuery", "query");
    static final Set<String> OPENING_METHODS = Set.of("withTransaction", "withConnection", "getConnection", "begin");
    static final PackageMatcher DRIVER = PackageMatcher.of("io.vertx..sqlclient..");
    static final Path SOURCES = Path.of("src/main/java");

    private ArchitectureConditions() {}

    static DescribedPredicate<JavaClass> useHibernateReactiveSessions() {
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

    static DescribedPredicate<JavaMethodCall> runsSql() {
        return DescribedPredicate.describe(
                "a SQL statement on a Vert.x SqlClient",
                call -> SQL_METHODS.contains(call.getName())
                        && (call.getTargetOwner().isAssignableTo(io.vertx.mutiny.sqlclient.SqlClient.class)
                                || call.getTargetOwner().isAssignableTo(io.vertx.sqlclient.SqlClient.class)));
    }

    static JavaClasses imported() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.originlive");
    }

    static List<String> declared(JavaClass type, Class<?> annotation) {
        if (annotation == OwnsTables.class && type.isAnnotatedWith(OwnsTables.class)) {
            return List.of(type.getAnnotationOfType(OwnsTables.class).value());
        }
        if (annotation == ReadsTables.class && type.isAnnotatedWith(ReadsTables.class)) {
            return List.of(type.getAnnotationOfType(ReadsTables.class).value());
        }
        return List.of();
    }

    /** org.originlive.order.x.Y → order. */
    static String feature(JavaClass type) {
        return type.getPackageName().substring("org.originlive.".length()).split("\\.")[0];
    }

    static Path sourceOf(JavaClass type) {
        String file = type.getSourceCodeLocation().getSourceFileName();
        return SOURCES.resolve(type.getPackageName().replace('.', '/')).resolve(file);
    }

    static DescribedPredicate<JavaClass> declareNoTables() {
        return DescribedPredicate.describe(
                "are annotated with neither @OwnsTables nor @ReadsTables",
                type -> !type.isAnnotatedWith(OwnsTables.class) && !type.isAnnotatedWith(ReadsTables.class));
    }

    static DescribedPredicate<JavaMethodCall> opensTransactionOrConnection() {
        return DescribedPredicate.describe(
                "a pool's or connection's withTransaction, withConnection, getConnection or begin",
                call -> OPENING_METHODS.contains(call.getName())
                        && Stream.of(
                                        io.vertx.mutiny.sqlclient.Pool.class,
                                        io.vertx.sqlclient.Pool.class,
                                        io.vertx.mutiny.sqlclient.SqlConnection.class,
                                        io.vertx.sqlclient.SqlConnection.class)
                                .anyMatch(driver -> call.getTargetOwner().isAssignableTo(driver)));
    }

    static DescribedPredicate<JavaCodeUnit> areVisibleOutsideTheirPackageAndOutsideCommon() {
        return DescribedPredicate.describe(
                "are public or protected, outside common",
                unit -> !unit.getOwner().getPackageName().startsWith("org.originlive.common")
                        && (unit.getModifiers().contains(JavaModifier.PUBLIC)
                                || unit.getModifiers().contains(JavaModifier.PROTECTED)));
    }

    static ArchCondition<JavaCodeUnit> exposeNoSqlClientType() {
        return new ArchCondition<>("take and return no io.vertx..sqlclient.. type") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                Stream.concat(unit.getParameterTypes().stream(), Stream.of(unit.getReturnType()))
                        .flatMap(type -> type.getAllInvolvedRawTypes().stream())
                        .filter(type -> DRIVER.matches(type.getPackageName()))
                        .forEach(type -> events.add(SimpleConditionEvent.violated(
                                unit, unit.getFullName() + " exposes " + type.getName())));
            }
        };
    }

    static ArchCondition<JavaClass> nameAtLeastOneTable() {
        return new ArchCondition<>("name at least one table") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean empty = declared(type, OwnsTables.class).isEmpty()
                        && declared(type, ReadsTables.class).isEmpty();
                if (empty) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " names no table"));
                }
            }
        };
    }

    static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
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
