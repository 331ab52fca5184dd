package org.originlive.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.originlive.common.ProblemException;

/** Link keys: start-up refuses a missing or short key, naming the setting; another key's links are refused. */
class LinksTest {

    private static final String KEY = "VEVTVC1PTkxZIGxpbmsga2V5LCBub3QgYSBzZWNyZXQhISE=";

    @Test
    void aMissingOrShortKeyStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> links(Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ORIGINLIVE_NOTIFY_LINK_KEY");
        assertThatThrownBy(() -> links(Optional.of("c2hvcnQ=")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void aLinkSignedWithAnotherKeyIsRefused() {
        Links ours = links(Optional.of(KEY));
        Links theirs = links(Optional.of("QU5PVEhFUiBrZXksIGFsc28gbm90IGEgc2VjcmV0ISEhISE="));
        UUID user = UUID.randomUUID();
        String token = theirs.token(Links.Purpose.UNSUBSCRIBE, user, "A@Example.com", Duration.ofHours(1));
        assertThatThrownBy(() -> ours.verify(token, Links.Purpose.UNSUBSCRIBE)).isInstanceOf(ProblemException.class);
        Links.Claims claims = theirs.verify(token, Links.Purpose.UNSUBSCRIBE);
        assertThat(claims.userId()).isEqualTo(user);
        assertThat(claims.email()).isEqualTo("a@example.com");
    }

    private static Links links(Optional<String> key) {
        NotifyConfig config = (NotifyConfig) Proxy.newProxyInstance(
                NotifyConfig.class.getClassLoader(), new Class<?>[] {NotifyConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("linkKey")) {
                        return key;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new Links(config, "http://localhost:8080", Clock.systemUTC());
    }
}
