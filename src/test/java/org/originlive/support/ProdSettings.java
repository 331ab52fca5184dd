package org.originlive.support;

import java.util.HashMap;
import java.util.Map;

/** For packaged-jar tests (prod profile): a throwaway PostgreSQL plus the first admin's account. */
public class ProdSettings extends PostgresResource {
    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("originlive.admin.email", Api.ADMIN_EMAIL);
        config.put("originlive.admin.password", Api.ADMIN_PASSWORD);
        return config;
    }
}
