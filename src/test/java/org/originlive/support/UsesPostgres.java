package org.originlive.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the shared PostgreSQL and the provider simulators for every @QuarkusTest of the module. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ProviderSimulator.class)
@QuarkusTestResource(WechatPaySimulator.class)
public final class UsesPostgres {

    private UsesPostgres() {}
}
