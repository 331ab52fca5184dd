package org.originlive.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the shared PostgreSQL for every @QuarkusTest of the module. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ProviderSimulator.class)
public final class UsesPostgres {

    private UsesPostgres() {}
}
