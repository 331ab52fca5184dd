package org.originlive.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.originlive.support.TestKeys;

/** The operators' key script (docs/operations.md) prints the kids the app puts in its tokens. */
class JwtKeysScriptTest {

    @Test
    void theScriptsJwksNamesEachKeyByTheAppsKid() throws Exception {
        TestKeys one = TestKeys.writeTo(Path.of("target", "it-keys", "script-1"));
        TestKeys two = TestKeys.writeTo(Path.of("target", "it-keys", "script-2"));

        assertThat(run("kid", one.publicPem.toString())).isEqualTo(one.thumbprint());
        JsonObject jwks = new JsonObject(run("jwks", one.publicPem.toString(), two.publicPem.toString()));
        assertThat(jwks.getJsonArray("keys").stream().map(k -> ((JsonObject) k).getString("kid")))
                .containsExactly(one.thumbprint(), two.thumbprint());
        JsonObject expected = new JsonObject(TestKeys.jwks(List.of(one, two)));
        for (int i = 0; i < 2; i++) {
            JsonObject key = jwks.getJsonArray("keys").getJsonObject(i);
            JsonObject same = expected.getJsonArray("keys").getJsonObject(i);
            assertThat(List.of(key.getString("kty"), key.getString("n"), key.getString("e")))
                    .containsExactly(same.getString("kty"), same.getString("n"), same.getString("e"));
        }
    }

    private static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("scripts/jwt-keys.sh"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(err).isZero();
        return out;
    }
}
