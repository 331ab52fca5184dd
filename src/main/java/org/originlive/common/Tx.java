package org.originlive.common;

import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Where a feature's statements run: inside one open transaction, or each committing on its own.
 * Features hand it to each other instead of a driver type; only table owners ({@link OwnsTables})
 * open it with {@link #sql()}, which ArchitectureTest checks. Get one from {@link Transactions}.
 */
public final class Tx {

    private final SqlClient sql;
    private final boolean transactional;
    private final java.util.List<Runnable> afterCommit = new java.util.ArrayList<>();

    Tx(SqlClient sql, boolean transactional) {
        this.sql = sql;
        this.transactional = transactional;
    }

    /** The client the owner's statements go through; for table owners only. */
    public SqlClient sql() {
        return sql;
    }

    /**
     * Runs {@code action} once this transaction committed (never after a rollback); outside a
     * transaction, right away. For signals only (wake a relay): it must not fail or block.
     */
    public void afterCommit(Runnable action) {
        if (transactional) {
            synchronized (afterCommit) {
                afterCommit.add(action);
            }
        } else {
            action.run();
        }
    }

    void committed() {
        java.util.List<Runnable> actions;
        synchronized (afterCommit) {
            actions = java.util.List.copyOf(afterCommit);
            afterCommit.clear();
        }
        actions.forEach(Runnable::run);
    }

    /** True inside {@link Transactions#inTransaction}: locks taken here hold until it ends. */
    public boolean transactional() {
        return transactional;
    }
}
