package org.originlive.account;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.originlive.common.ProblemException;
import org.originlive.common.Role;

/** Creates the first admin from {@code ORIGINLIVE_ADMIN_EMAIL} / {@code ORIGINLIVE_ADMIN_PASSWORD}. */
@ApplicationScoped
public class AdminBootstrap {

    private final AdminConfig config;
    private final AccountService accounts;
    private final UserRepository users;

    AdminBootstrap(AdminConfig config, AccountService accounts, UserRepository users) {
        this.config = config;
        this.accounts = accounts;
        this.users = users;
    }

    // Runs on the main thread during start-up, where waiting is allowed.
    void onStart(@Observes StartupEvent event) throws Throwable {
        if (config.email().isEmpty() || config.password().isEmpty()) {
            return;
        }
        String email = config.email().get();
        boolean created = VertxContextSupport.subscribeAndAwait(() -> users.findByEmail(email)
                .flatMap(existing -> existing != null
                        ? io.smallrye.mutiny.Uni.createFrom().item(false)
                        : accounts.create(email, config.password().get(), "Administrator", Role.ADMIN, null, null)
                                .replaceWith(true)
                                // another replica created it first
                                .onFailure(ProblemException.class)
                                .recoverWithItem(false)));
        if (created) {
            Log.infof("Created the first admin %s", email);
        }
    }
}
