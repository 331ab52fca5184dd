package org.originlive.support;

import java.util.HashMap;
import java.util.Map;

/**
 * For packaged-jar tests (prod profile): a throwaway PostgreSQL, the first admin's account and the
 * run's shared JWT keys (made in the test, passed by location as an operator mounts them).
 */
public class ProdSettings extends PostgresResource {
    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("originlive.admin.email", Api.ADMIN_EMAIL);
        config.put("originlive.admin.password", Api.ADMIN_PASSWORD);
        // These tests pay in the sandbox, which production keeps off unless switched on.
        config.put("originlive.payments.sandbox", "true");
        config.putAll(TestKeys.shared().properties());
        return config;
    }
}
