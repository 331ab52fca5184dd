package org.originlive.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;
import org.originlive.common.ProblemException;

/** Who may call the engine's callbacks (its secret) and who they name (engine, client), for both hook resources. */
@ApplicationScoped
class HookGuard {

    static final int SECRET_MAX = 512;
    static final String SECRET_DOC = "The shared secret (ORIGINLIVE_MEDIA_HOOK_SECRET); a wrong one is 403";
    static final String ENGINE_DOC = "Which engine calls (several may share the app); absent: the configured one";
    static final String ENGINE_PATTERN = "[A-Za-z0-9_.-]{1,64}";
    static final String CLIENT_PATTERN = "[0-9]{1,20}";
    static final String CLIENT_DOC = "The engine's id of the RTMP client";
    private static final Pattern ENGINE = Pattern.compile(ENGINE_PATTERN);
    private static final Pattern CLIENT = Pattern.compile(CLIENT_PATTERN);

    private final MediaEngine engine;

    HookGuard(MediaEngine engine) {
        this.engine = engine;
    }

    /** The engine's name is part of who calls: a malformed one is refused like a wrong secret. */
    void check(String secret, String engineId) {
        boolean wellFormed = secret != null
                && secret.length() <= SECRET_MAX
                && (engineId == null || ENGINE.matcher(engineId).matches());
        if (!wellFormed || !engine.secretMatches(secret)) {
            throw ProblemException.forbidden("Only the media engine may call this");
        }
    }

    String engine(String given) {
        return given == null ? engine.engineId() : given;
    }

    /** The engine's client ids are counters; anything else names no client. */
    static String client(String clientId) {
        return clientId != null && CLIENT.matcher(clientId).matches() ? clientId : null;
    }
}
