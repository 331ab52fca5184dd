package org.originlive.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originlive.ops.K8sManifestTest.one;
import static org.originlive.ops.K8sManifestTest.render;
import static org.originlive.ops.K8sManifestTest.routeOf;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The media tier's replays as {@code kubectl kustomize} renders them (issue 25): nginx records
 * LIVE sales onto one ReadWriteOnce volume, the replay-worker sidecar runs the very script the
 * app packages and talks to the app as nginx does, and /vod/ serves the volume's public/ where
 * the app's replay URLs point.
 */
class K8sReplayTierTest {

    private static final String HOOK_QUERY =
            "?secret=${ORIGINLIVE_MEDIA_HOOK_SECRET}&engine=${ORIGINLIVE_MEDIA_ENGINE_ID};";

    @ParameterizedTest
    @ValueSource(strings = {"production", "local"})
    void replaysAreRecordedMadeAndServedFromOneVolume(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        Deployment media = one(objects, Deployment.class, "origin-live-media");
        PodSpec pod = media.getSpec().getTemplate().getSpec();
        Container render = pod.getInitContainers().get(0);
        Container nginx = container(pod, "nginx");
        Container worker = container(pod, "replay-worker");

        // One volume from a ReadWriteOnce claim, mounted at one path by all three containers.
        Volume storage = pod.getVolumes().stream()
                .filter(v -> v.getPersistentVolumeClaim() != null)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no PersistentVolumeClaim in the media pod"));
        PersistentVolumeClaim claim = one(
                objects,
                PersistentVolumeClaim.class,
                storage.getPersistentVolumeClaim().getClaimName());
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(media.getSpec().getReplicas()).isEqualTo(1);
        assertThat(media.getSpec().getStrategy().getType())
                .as("the old pod lets go of the volume first")
                .isEqualTo("Recreate");
        String dir = mountOf(nginx, storage.getName());
        assertThat(mountOf(worker, storage.getName())).isEqualTo(dir);
        assertThat(mountOf(render, storage.getName())).isEqualTo(dir);
        assertThat(env(render).get("MEDIA_STORAGE_DIR").getValue()).isEqualTo(dir);
        assertThat(env(worker).get("STORAGE_DIR").getValue()).isEqualTo(dir);

        // nginx: `live` pushes to `rec` on the loopback server, which asks the app and records there.
        ConfigMap nginxFiles = generated(objects, "origin-live-media-nginx");
        String conf = nginxFiles.getData().get("nginx.conf.template");
        assertThat(conf)
                .contains("push rtmp://127.0.0.1:1937/rec;", "push_reconnect 1s;")
                .contains("on_publish ${MEDIA_HOOKS_URL}/on_record_start" + HOOK_QUERY)
                .contains("on_record_done ${MEDIA_HOOKS_URL}/on_record_done" + HOOK_QUERY)
                .contains("record all;", "record_unique on;", "record_path " + dir + "/recordings;");
        assertThat(conf.indexOf("application rec"))
                .as("rec sits on the loopback-only RTMP server")
                .isGreaterThan(conf.indexOf("listen 127.0.0.1:1937;"));
        String vod = conf.substring(conf.indexOf("location /vod/ {"));
        assertThat(vod.substring(0, vod.indexOf('}')))
                .contains("alias " + dir + "/public/;", "add_header Access-Control-Allow-Origin * always;")
                .containsPattern("Cache-Control \"public, max-age=[0-9]{5,}");

        // The worker: the script the app packages (a ConfigMap of the file itself), with the same
        // callback address, secret and engine id as nginx's render step; read-only root.
        Volume scriptVolume = pod.getVolumes().stream()
                .filter(v ->
                        v.getConfigMap() != null && v.getConfigMap().getName().startsWith("origin-live-media-worker"))
                .findFirst()
                .orElseThrow();
        ConfigMap script = generated(objects, "origin-live-media-worker");
        assertThat(script.getMetadata().getName())
                .isEqualTo(scriptVolume.getConfigMap().getName());
        assertThat(script.getData().get("replay-worker.sh"))
                .isEqualTo(Files.readString(Path.of("k8s/base/media/replay-worker.sh")));
        assertThat(worker.getArgs()).contains(mountOf(worker, scriptVolume.getName()) + "/replay-worker.sh");
        Map<String, EnvVar> renderEnv = env(render);
        Map<String, EnvVar> workerEnv = env(worker);
        assertThat(workerEnv.get("HOOKS_URL").getValue())
                .isEqualTo(renderEnv.get("MEDIA_HOOKS_URL").getValue());
        assertThat(workerEnv.get("HOOK_SECRET").getValueFrom().getSecretKeyRef())
                .isEqualTo(renderEnv
                        .get("ORIGINLIVE_MEDIA_HOOK_SECRET")
                        .getValueFrom()
                        .getSecretKeyRef());
        assertThat(workerEnv.get("ENGINE_ID").getValueFrom().getConfigMapKeyRef())
                .isEqualTo(renderEnv
                        .get("ORIGINLIVE_MEDIA_ENGINE_ID")
                        .getValueFrom()
                        .getConfigMapKeyRef());
        assertThat(worker.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(worker.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(worker.getPorts()).as("the worker listens on nothing").isEmpty();
        assertThat(worker.getResources().getLimits()).containsKeys("cpu", "memory");

        // Its calls to the app leave the media pod as nginx's do: to the app's pods on 8080.
        NetworkPolicy mediaPolicy = one(objects, NetworkPolicy.class, "origin-live-media");
        assertThat(mediaPolicy.getSpec().getEgress()).anySatisfy(rule -> {
            assertThat(rule.getTo())
                    .anySatisfy(peer -> assertThat(peer.getPodSelector().getMatchLabels())
                            .isEqualTo(Map.of("app.kubernetes.io/name", "origin-live")));
            assertThat(rule.getPorts())
                    .anySatisfy(p -> assertThat(p.getPort().getIntVal()).isEqualTo(8080));
        });

        // Where the app points replays (vod-base-url, else the playback origin + /vod) is the
        // engine's /vod/ through the Ingress, open to everyone (a CDN pulls from there).
        Map<String, String> config =
                one(objects, ConfigMap.class, "origin-live-config").getData();
        URI replay = URI.create(config.getOrDefault(
                        "ORIGINLIVE_MEDIA_VOD_BASE_URL",
                        URI.create(config.get("ORIGINLIVE_MEDIA_PLAYBACK_BASE_URL"))
                                .resolve("/vod")
                                .toString())
                + "/replays/sale/index.m3u8");
        List<Ingress> ingresses = objects.stream()
                .filter(Ingress.class::isInstance)
                .map(Ingress.class::cast)
                .toList();
        Ingress route = routeOf(ingresses, replay.getHost(), replay.getPath());
        assertThat(route).as("an Ingress rule for %s", replay).isNotNull();
        assertThat(route.getMetadata().getAnnotations())
                .doesNotContainKey("nginx.ingress.kubernetes.io/denylist-source-range");
        assertThat(route.getSpec().getRules().stream()
                        .flatMap(r -> r.getHttp().getPaths().stream())
                        .filter(p -> replay.getPath().startsWith(p.getPath())
                                && p.getPath().length() > 1)
                        .map(p -> p.getBackend().getService().getName()))
                .containsExactly("origin-live-media-hls");
    }

    private static Container container(PodSpec pod, String name) {
        return pod.getContainers().stream()
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name + " in the media pod"));
    }

    private static String mountOf(Container container, String volume) {
        return container.getVolumeMounts().stream()
                .filter(m -> m.getName().equals(volume))
                .map(m -> m.getMountPath())
                .findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " does not mount " + volume));
    }

    private static Map<String, EnvVar> env(Container container) {
        Map<String, EnvVar> env = new HashMap<>();
        container.getEnv().forEach(e -> env.put(e.getName(), e));
        return env;
    }

    /** A configMapGenerator's ConfigMap (its name carries a content hash). */
    private static ConfigMap generated(List<HasMetadata> objects, String prefix) {
        return objects.stream()
                .filter(ConfigMap.class::isInstance)
                .map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().startsWith(prefix + "-"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + prefix + "-…"));
    }
}
