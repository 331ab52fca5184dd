package org.originlive.account;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class KeyWarning {

    void onStart(
            @Observes StartupEvent event,
            @ConfigProperty(name = JwtKeys.EPHEMERAL_FLAG, defaultValue = "false") boolean ephemeral) {
        if (ephemeral) {
            Log.warn("No JWT keys configured: signing with a key pair made at start-up. Tokens end with this"
                    + " process and other replicas reject them. Set SMALLRYE_JWT_SIGN_KEY_LOCATION and"
                    + " MP_JWT_VERIFY_PUBLICKEY_LOCATION in production.");
        }
    }
}
