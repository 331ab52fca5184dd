package org.originlive.common;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * The one way a unit of work gets a database transaction. Services say where the transaction
 * begins and ends; the owners of the tables run their statements on the {@link Tx} it hands out.
 * Hibernate Reactive units of work use Panache's own sessions instead, never this one: one unit
 * of work is never split between a session and this client.
 */
@ApplicationScoped
public class Transactions {

    private final Pool pool;
    private final Tx autoCommit;

    public Transactions(Pool pool) {
        this.pool = pool;
        this.autoCommit = new Tx(pool, false);
    }

    /** Runs the work in one transaction: committed when its Uni succeeds, rolled back when it fails. */
    public <T> Uni<T> inTransaction(Function<Tx, Uni<T>> work) {
        Tx[] opened = new Tx[1];
        return pool.withTransaction(connection -> {
                    opened[0] = new Tx(connection, true);
                    return work.apply(opened[0]);
                })
                .invoke(x -> opened[0].committed());
    }

    /** Statements that each commit on their own: reads, and single atomic statements. */
    public Tx autoCommit() {
        return autoCommit;
    }
}
