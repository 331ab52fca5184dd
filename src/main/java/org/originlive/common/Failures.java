package org.originlive.common;

import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.util.Set;

/** Recognises database failures anywhere in a cause chain. */
public final class Failures {

    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "08000", "08003", "08006");

    private Failures() {}

    /** The SQLSTATE of the first PostgreSQL error in the chain (from the SQL client or Hibernate), or null. */
    public static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg) {
                return pg.getSqlState();
            }
            // Hibernate Reactive turns the client's PgException into an SQLException that carries only the state.
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return "23505".equals(sqlState(failure));
    }

    public static boolean isOptimisticLock(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /** Maps constraint failures the schema settles (unique keys, races) to API problems. */
    static ProblemException translate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
        }
        if (isUniqueViolation(failure)) {
            return new ProblemException(ProblemType.DUPLICATE, "A resource with this identity already exists");
        }
        return null;
    }

    /** The cause that says the database cannot be reached, or null. */
    static Throwable databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketException
                    || t instanceof ConnectException
                    || t instanceof io.vertx.core.impl.NoStackTraceThrowable
                            && String.valueOf(t.getMessage()).contains("closed")
                    || t instanceof io.vertx.core.VertxException
                            && String.valueOf(t.getMessage()).contains("Connection")) {
                return t;
            }
            if (t instanceof PgException pg && UNAVAILABLE_STATES.contains(pg.getSqlState())) {
                return t;
            }
            if (t.getClass().getName().equals("io.vertx.sqlclient.ClosedConnectionException")
                    || t.getClass().getName().equals("io.vertx.core.http.impl.NoStackTraceTimeoutException")) {
                return t;
            }
        }
        return null;
    }
}
