package org.originlive.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders each Kustomize overlay with {@code kubectl kustomize}, parses every object with the
 * fabric8 model (an unknown field fails), and checks the manifests against the app's own config.
 * CI installs kubectl and sets ORIGINLIVE_REQUIRE_KUBECTL=1; on a machine without kubectl the
 * test is skipped with that reason rather than failing the README's test command.
 */
class K8sManifestTest {

    private static final Set<String> PROBE_PATHS = Set.of("/q/health/live", "/q/health/ready", "/q/health/started");

    private static final Pattern METRIC = Pattern.compile(
            "\\b(?:originlive|http_server|sql_pool|jvm|process|netty|postgresql|worker_pool)_[a-z0-9_]+");

    /** Series the app exports at /q/metrics today (MetricNamesTest checks them against the running app). */
    static final Set<String> EXPORTED_METRICS = Set.of(
            "originlive_orders_created_total",
            "originlive_orders_sold_out_total",
            "originlive_orders_expired_total",
            "originlive_rate_limited_total",
            "originlive_ws_refused_total",
            "originlive_checkout_latency_seconds",
            "originlive_checkout_latency_seconds_bucket",
            "originlive_checkout_latency_seconds_count",
            "originlive_checkout_latency_seconds_sum",
            "originlive_checkout_latency_seconds_max",
            "originlive_ws_connections",
            "originlive_ws_frames_sent_total",
            "originlive_ws_frames_dropped_total",
            "originlive_ws_viewers_dropped_total",
            "originlive_ws_notify_to_send_seconds",
            "originlive_ws_notify_to_send_seconds_max",
            "originlive_ws_notify_to_send_seconds_count",
            "originlive_ws_notify_to_send_seconds_sum",
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_sum",
            "http_server_active_connections",
            "sql_pool_queue_size",
            "sql_pool_queue_delay_seconds_sum",
            "sql_pool_queue_delay_seconds_count",
            "sql_pool_active",
            "process_cpu_usage",
            "jvm_memory_used_bytes",
            "jvm_memory_max_bytes",
            // The sale-events bus: registered on either bus (0 on postgres), moved only with ORIGINLIVE_BUS=nats.
            "originlive_bus_outbox_oldest_seconds",
            "originlive_bus_reconnects_total",
            "originlive_bus_resyncs_total",
            "originlive_bus_up",
            // Payments: failed refunds at a provider, by kind (buyer, late).
            "originlive_payments_refunds_failed_total",
            // SMS alerts (phone/): sent, failed or unknown, and the outbox's lag.
            "originlive_sms_sent_total",
            "originlive_sms_failed_total",
            "originlive_fulfillments_overdue_total",
            // Web Push deliveries by outcome (push/PushSender).
            "originlive_push_deliveries_total",
            // Every outbox topic's oldest waiting message (common/OutboxAges).
            "originlive_outbox_oldest_seconds",
            // Buyer emails (notify/): sent by kind, failed by outcome (RETRY, FAILED, UNKNOWN).
            "originlive_email_sent_total",
            "originlive_email_failed_total",
            // Webhook attempts by outcome: delivered, retry (a failed attempt to be retried), failed (given up).
            "originlive_webhook_deliveries_total");

    /** Exported only while a room is watched (one gauge per sale), so MetricNamesTest cannot see them idle. */
    static final Set<String> PENDING_METRICS = Set.of("originlive_ws_flush_interval_millis");

    private static final Set<String> KNOWN_METRICS = union(EXPORTED_METRICS, PENDING_METRICS);

    @ParameterizedTest
    @ValueSource(strings = {"production", "local"})
    void overlayRendersStrictlyAndMatchesTheApp(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        assertThat(objects).isNotEmpty();
        for (HasMetadata object : objects) {
            if (object instanceof GenericKubernetesResource generic) {
                assertThat(generic.getKind())
                        .as("only CloudNativePG and Prometheus Operator objects are outside the Kubernetes model")
                        .isIn("Cluster", "PodMonitor", "PrometheusRule");
            } else {
                assertThat(unknownFields(object, ""))
                        .as(object.getKind() + " unknown fields")
                        .isEmpty();
            }
        }

        Deployment app = one(objects, Deployment.class, "origin-live");
        ConfigMap config = one(objects, ConfigMap.class, "origin-live-config");
        Container container =
                app.getSpec().getTemplate().getSpec().getContainers().get(0);
        int httpPort = Integer.parseInt(config.getData().get("QUARKUS_HTTP_PORT"));
        assertThat(container.getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(httpPort);
        });
        for (Probe probe :
                List.of(container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe())) {
            assertThat(probe.getHttpGet().getPath()).isIn(PROBE_PATHS);
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        }
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(app.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot())
                .isTrue();

        Set<String> known = knownSettings();
        List<String> envNames = new ArrayList<>(config.getData().keySet());
        container.getEnv().forEach(e -> envNames.add(e.getName()));
        for (String name : envNames) {
            if (!name.equals("JAVA_TOOL_OPTIONS")) {
                assertThat(known)
                        .as("env var %s is a documented or configured setting", name)
                        .contains(name);
            }
        }

        for (HasMetadata object : objects) {
            for (String image : images(object)) {
                assertThat(image)
                        .as("image of " + object.getKind())
                        .contains(":")
                        .doesNotEndWith(":latest");
            }
            if (object instanceof Secret secret) {
                // Templates only: every secret value is a placeholder (a user name is not a secret).
                secret.getStringData().forEach((key, value) -> {
                    if (!key.equals("username")) {
                        assertThat(value)
                                .as(secret.getMetadata().getName() + "/" + key)
                                .startsWith("REPLACE_ME");
                    }
                });
            }
        }

        if (overlay.equals("production")) {
            assertThat(app.getSpec().getReplicas()).isEqualTo(3);
            GenericKubernetesResource cluster = generic(objects, "Cluster");
            assertThat(cluster.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
            Map<?, ?> clusterSpec =
                    (Map<?, ?>) cluster.getAdditionalProperties().get("spec");
            assertThat(clusterSpec.get("instances")).isEqualTo(3);
            // Commits wait for one standby, so a failover to it loses no acknowledged order (FailoverIT).
            assertThat(map(map(clusterSpec.get("postgresql"), "postgresql").get("synchronous"), "synchronous"))
                    .as("the production database replicates synchronously")
                    .containsEntry("method", "any")
                    .containsEntry("number", 1)
                    .containsEntry("dataDurability", "required");
            assertThat(objects)
                    .noneMatch(o ->
                            o instanceof Secret && o.getMetadata().getName().equals("origin-live-db-app"));
            assertThat(config.getData().get("QUARKUS_DATASOURCE_JDBC_URL"))
                    .contains(cluster.getMetadata().getName() + "-rw");
        }
    }

    /** What the app needs in prod to use the media tier (MediaConfig, MediaSecrets). */
    private static final Set<String> MEDIA_SETTINGS = Set.of(
            "ORIGINLIVE_MEDIA_LOCAL",
            "ORIGINLIVE_MEDIA_INGEST_URL",
            "ORIGINLIVE_MEDIA_PLAYBACK_BASE_URL",
            "ORIGINLIVE_MEDIA_STATUS_URL",
            "ORIGINLIVE_MEDIA_ENGINE_ID",
            "ORIGINLIVE_MEDIA_HOOK_SECRET",
            "ORIGINLIVE_MEDIA_KEY_ENCRYPTION_KEY");

    private static final String HOOKS = "/api/media/hooks";

    @ParameterizedTest
    @ValueSource(strings = {"production", "local"})
    void mediaTierRunsApartAndOnlyItReachesTheCallbacks(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        ConfigMap config = one(objects, ConfigMap.class, "origin-live-config");
        Deployment app = one(objects, Deployment.class, "origin-live");
        Container appContainer =
                app.getSpec().getTemplate().getSpec().getContainers().get(0);

        // The app's env names every setting the media tier needs; each is one MediaConfig knows.
        Map<String, String> env = new HashMap<>(config.getData());
        Map<String, EnvVar> fromSecrets = new HashMap<>();
        for (EnvVar e : appContainer.getEnv()) {
            env.put(e.getName(), e.getValue());
            fromSecrets.put(e.getName(), e);
        }
        assertThat(env).containsKeys(MEDIA_SETTINGS.toArray(String[]::new));
        Set<String> mediaConfig = mediaConfigSettings();
        env.keySet().stream().filter(k -> k.startsWith("ORIGINLIVE_MEDIA_")).forEach(k -> assertThat(mediaConfig)
                .as("%s is a MediaConfig setting", k)
                .contains(k));
        assertThat(env.get("ORIGINLIVE_MEDIA_LOCAL"))
                .as("no nginx in the app's pods")
                .isEqualTo("false");
        assertThat(env.get("ORIGINLIVE_MEDIA_INGEST_URL")).matches("rtmps?://[^/]+/live");
        assertThat(env.get("ORIGINLIVE_MEDIA_PLAYBACK_BASE_URL")).matches("https?://[^/]+/hls");
        for (String secret : List.of("ORIGINLIVE_MEDIA_HOOK_SECRET", "ORIGINLIVE_MEDIA_KEY_ENCRYPTION_KEY")) {
            assertThat(config.getData())
                    .as("%s is not in the ConfigMap", secret)
                    .doesNotContainKey(secret);
            assertThat(fromSecrets.get(secret).getValueFrom().getSecretKeyRef().getName())
                    .isEqualTo("origin-live-media");
        }

        // The engine: its own Deployment, one replica, never two at once, non-root, read-only root.
        Deployment media = one(objects, Deployment.class, "origin-live-media");
        assertThat(media.getSpec().getReplicas()).isEqualTo(1);
        assertThat(media.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        Map<String, String> mediaLabels =
                media.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(mediaLabels).containsEntry("app.kubernetes.io/name", "origin-live-media");
        assertThat(media.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot())
                .isTrue();
        Container engine =
                media.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(engine.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        Map<String, Integer> enginePorts = new HashMap<>();
        engine.getPorts().forEach(p -> enginePorts.put(p.getName(), p.getContainerPort()));
        assertThat(enginePorts).containsEntry("rtmp", 1935);

        // Its config is rendered with the same secret and engine id as the app's.
        Container render =
                media.getSpec().getTemplate().getSpec().getInitContainers().get(0);
        Map<String, EnvVar> renderEnv = new HashMap<>();
        render.getEnv().forEach(e -> renderEnv.put(e.getName(), e));
        assertThat(renderEnv.get("ORIGINLIVE_MEDIA_HOOK_SECRET").getValueFrom().getSecretKeyRef())
                .isEqualTo(fromSecrets
                        .get("ORIGINLIVE_MEDIA_HOOK_SECRET")
                        .getValueFrom()
                        .getSecretKeyRef());
        assertThat(renderEnv
                        .get("ORIGINLIVE_MEDIA_ENGINE_ID")
                        .getValueFrom()
                        .getConfigMapKeyRef()
                        .getName())
                .isEqualTo(config.getMetadata().getName());
        Service appService = one(objects, Service.class, "origin-live");
        assertThat(renderEnv.get("MEDIA_HOOKS_URL").getValue())
                .as("callbacks go to the app's Service")
                .isEqualTo("http://" + appService.getMetadata().getName()
                        + (appService.getSpec().getPorts().get(0).getPort() == 80
                                ? ""
                                : ":" + appService.getSpec().getPorts().get(0).getPort())
                        + HOOKS);
        ConfigMap nginx = objects.stream()
                .filter(ConfigMap.class::isInstance)
                .map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().startsWith("origin-live-media-nginx"))
                .findFirst()
                .orElseThrow();
        String conf = nginx.getData().get("nginx.conf.template");
        assertThat(conf)
                .contains("listen 1935;", "hls_fragment 1s;", "hls_playlist_length 6s;", "listen 8082;")
                .contains("on_publish ${MEDIA_HOOKS_URL}/on_publish?secret=${ORIGINLIVE_MEDIA_HOOK_SECRET}"
                        + "&engine=${ORIGINLIVE_MEDIA_ENGINE_ID};")
                .contains("rtmp_stat all;", "rtmp_control all;", "access_log off;");
        assertThat(nginx.getData().get("render.sh"))
                .contains(
                        "envsubst '${MEDIA_HOOKS_URL} ${ORIGINLIVE_MEDIA_HOOK_SECRET} ${ORIGINLIVE_MEDIA_ENGINE_ID}'");

        // Encoders reach RTMP on 1935 through a LoadBalancer; HLS and control stay in the cluster.
        Service rtmp = one(objects, Service.class, "origin-live-media-rtmp");
        assertThat(rtmp.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(rtmp.getSpec().getPorts()).anySatisfy(p -> {
            assertThat(p.getPort()).isEqualTo(1935);
            assertThat(enginePorts.get(p.getTargetPort().getStrVal())).isEqualTo(1935);
        });
        Service hls = one(objects, Service.class, "origin-live-media-hls");
        Service control = one(objects, Service.class, "origin-live-media-control");
        for (Service s : List.of(hls, control)) {
            assertThat(s.getSpec().getType()).isEqualTo("ClusterIP");
            assertThat(s.getSpec().getSelector()).isEqualTo(Map.of("app.kubernetes.io/name", "origin-live-media"));
        }
        ServicePort controlPort = control.getSpec().getPorts().get(0);
        assertThat(enginePorts.get(controlPort.getTargetPort().getStrVal())).isEqualTo(8082);
        assertThat(env.get("ORIGINLIVE_MEDIA_STATUS_URL"))
                .isEqualTo("http://" + control.getMetadata().getName() + ":" + controlPort.getPort());

        // Outside: /hls/ goes to the HLS Service, the callbacks are denied to every address, no
        // Ingress leads to the control Service, and nothing relies on snippets.
        List<Ingress> ingresses = objects.stream()
                .filter(Ingress.class::isInstance)
                .map(Ingress.class::cast)
                .toList();
        Set<String> hosts = new HashSet<>();
        for (Ingress ingress : ingresses) {
            assertThat(ingress.getMetadata().getAnnotations().keySet()).noneMatch(a -> a.endsWith("-snippet"));
            for (IngressRule rule : ingress.getSpec().getRules()) {
                hosts.add(rule.getHost());
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    assertThat(path.getBackend().getService().getName())
                            .isNotEqualTo(control.getMetadata().getName());
                }
            }
        }
        assertThat(hosts).isNotEmpty();
        for (String host : hosts) {
            for (String path : List.of(HOOKS, HOOKS + "/on_publish", HOOKS + "/on_update")) {
                Ingress routed = routeOf(ingresses, host, path);
                assertThat(routed).as("%s%s has a rule", host, path).isNotNull();
                String denied =
                        routed.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/denylist-source-range");
                assertThat(denied).as("%s%s is denied to everyone", host, path).isNotNull();
                assertThat(Set.of(denied.split(","))).contains("0.0.0.0/0", "::/0");
                assertThat(routed.getMetadata().getAnnotations())
                        .doesNotContainKey("nginx.ingress.kubernetes.io/whitelist-source-range");
            }
            Ingress hlsRoute = routeOf(ingresses, host, "/hls/sale.m3u8");
            assertThat(hlsRoute.getMetadata().getAnnotations())
                    .doesNotContainKey("nginx.ingress.kubernetes.io/denylist-source-range");
            assertThat(hlsRoute.getSpec().getRules().stream()
                            .flatMap(r -> r.getHttp().getPaths().stream())
                            .filter(p -> p.getPath().equals("/hls/"))
                            .map(p -> p.getBackend().getService().getName()))
                    .containsExactly(hls.getMetadata().getName());
            assertThat(Ingress.class
                            .cast(routeOf(ingresses, host, "/api/media/hooksmith"))
                            .getMetadata()
                            .getName())
                    .as("a prefix is whole path segments")
                    .isEqualTo("origin-live");
        }

        // Network: the control port admits the app's pods alone; the app admits the engine on its port.
        NetworkPolicy mediaPolicy = one(objects, NetworkPolicy.class, "origin-live-media");
        assertThat(mediaPolicy.getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(Map.of("app.kubernetes.io/name", "origin-live-media"));
        for (NetworkPolicyIngressRule rule : mediaPolicy.getSpec().getIngress()) {
            if (rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 8082)) {
                assertThat(rule.getFrom()).singleElement().satisfies(peer -> {
                    assertThat(peer.getNamespaceSelector()).isNull();
                    assertThat(peer.getPodSelector().getMatchLabels())
                            .isEqualTo(Map.of("app.kubernetes.io/name", "origin-live"));
                });
            }
        }
        NetworkPolicy appPolicy = one(objects, NetworkPolicy.class, "origin-live");
        assertThat(appPolicy.getSpec().getIngress()).anySatisfy(rule -> {
            assertThat(rule.getFrom()).singleElement().satisfies(peer -> assertThat(
                            peer.getPodSelector().getMatchLabels())
                    .isEqualTo(Map.of("app.kubernetes.io/name", "origin-live-media")));
            assertThat(rule.getPorts())
                    .singleElement()
                    .satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(8080));
        });
        assertThat(appPolicy.getSpec().getEgress()).anySatisfy(rule -> assertThat(rule.getPorts())
                .anySatisfy(p -> assertThat(p.getPort().getIntVal()).isEqualTo(controlPort.getPort())));
    }

    private static final String PAYMENTS = "ORIGINLIVE_PAYMENTS_";

    /** The contract's payment settings ("Payments in China"), plus the sandbox switch. */
    private static final Set<String> PAYMENT_SETTINGS = Set.of(
            "ORIGINLIVE_PAYMENTS_NOTIFY_BASE_URL",
            "ORIGINLIVE_PAYMENTS_SANDBOX",
            "ORIGINLIVE_PAYMENTS_WECHAT_PAY_BASE_URL",
            "ORIGINLIVE_PAYMENTS_WECHAT_PAY_MODE",
            "ORIGINLIVE_PAYMENTS_WECHAT_PAY_MCH_ID",
            "ORIGINLIVE_PAYMENTS_WECHAT_PAY_APP_ID",
            "ORIGINLIVE_PAYMENTS_WECHAT_PAY_MERCHANT_SERIAL",
            "ORIGINLIVE_PAYMENTS_WECHAT_PAY_PRIVATE_KEY_LOCATION",
            "ORIGINLIVE_PAYMENTS_WECHAT_PAY_PUBLIC_KEY_LOCATION",
            "ORIGINLIVE_PAYMENTS_WECHAT_PAY_PUBLIC_KEY_ID",
            "ORIGINLIVE_PAYMENTS_WECHAT_PAY_API_V3_KEY",
            "ORIGINLIVE_PAYMENTS_ALIPAY_GATEWAY_URL",
            "ORIGINLIVE_PAYMENTS_ALIPAY_APP_ID",
            "ORIGINLIVE_PAYMENTS_ALIPAY_PRIVATE_KEY_LOCATION",
            "ORIGINLIVE_PAYMENTS_ALIPAY_PUBLIC_KEY_LOCATION",
            "ORIGINLIVE_PAYMENTS_ALIPAY_SELLER_ID");

    /** Merchant ids and the API v3 key: from the origin-live-payments Secret, never the ConfigMap. */
    private static final Set<String> PAYMENT_SECRETS = Set.of(
            "ORIGINLIVE_PAYMENTS_WECHAT_PAY_MCH_ID",
            "ORIGINLIVE_PAYMENTS_WECHAT_PAY_APP_ID",
            "ORIGINLIVE_PAYMENTS_WECHAT_PAY_MERCHANT_SERIAL",
            "ORIGINLIVE_PAYMENTS_WECHAT_PAY_PUBLIC_KEY_ID",
            "ORIGINLIVE_PAYMENTS_WECHAT_PAY_API_V3_KEY",
            "ORIGINLIVE_PAYMENTS_ALIPAY_APP_ID",
            "ORIGINLIVE_PAYMENTS_ALIPAY_SELLER_ID");

    @ParameterizedTest
    @ValueSource(strings = {"production", "local"})
    void paymentsAreConfiguredAsTheAppReadsThemAndProvidersReachTheCallbacks(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        ConfigMap config = one(objects, ConfigMap.class, "origin-live-config");
        Deployment app = one(objects, Deployment.class, "origin-live");
        var pod = app.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        Map<String, String> data = config.getData();

        // Every payment setting is passed, each is one the app's config mappings know.
        Map<String, EnvVar> env = new HashMap<>();
        container.getEnv().forEach(e -> env.put(e.getName(), e));
        Set<String> passed = new HashSet<>(data.keySet());
        passed.addAll(env.keySet());
        assertThat(passed).containsAll(PAYMENT_SETTINGS);
        Set<String> known = paymentConfigSettings();
        passed.stream()
                .filter(k -> k.startsWith(PAYMENTS))
                .forEach(k -> assertThat(known).as("%s is a payment setting", k).contains(k));
        assertThat(data.get(PAYMENTS + "SANDBOX"))
                .as("the SANDBOX provider only on a laptop cluster")
                .isEqualTo(overlay.equals("local") ? "true" : "false");

        // Ids and the API v3 key from a Secret (optional: a provider left out is not offered).
        Secret values = one(objects, Secret.class, "origin-live-payments");
        for (String name : PAYMENT_SECRETS) {
            assertThat(data).as("%s is not in the ConfigMap", name).doesNotContainKey(name);
            var ref = env.get(name).getValueFrom().getSecretKeyRef();
            assertThat(ref.getName()).isEqualTo(values.getMetadata().getName());
            assertThat(ref.getOptional()).as("%s is optional", name).isTrue();
            assertThat(values.getStringData()).containsKey(ref.getKey());
        }

        // Key files: mounted from their Secret, as the JWT keys are, where the *_LOCATION settings point.
        Secret keys = one(objects, Secret.class, "origin-live-payment-keys");
        String volume = pod.getVolumes().stream()
                .filter(v -> v.getSecret() != null
                        && keys.getMetadata().getName().equals(v.getSecret().getSecretName()))
                .map(io.fabric8.kubernetes.api.model.Volume::getName)
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no volume of " + keys.getMetadata().getName()));
        String mount = container.getVolumeMounts().stream()
                .filter(m -> m.getName().equals(volume))
                .map(io.fabric8.kubernetes.api.model.VolumeMount::getMountPath)
                .findFirst()
                .orElseThrow();
        Set<String> files = new HashSet<>();
        for (String name : PAYMENT_SETTINGS) {
            if (name.endsWith("_KEY_LOCATION")) {
                String location = data.get(name);
                assertThat(location).as(name).startsWith(mount + "/");
                files.add(location.substring(mount.length() + 1));
            }
        }
        assertThat(keys.getStringData())
                .as("the key files the app reads")
                .containsOnlyKeys(files.toArray(String[]::new));

        // Providers are reached on 443, and post to a public path of an Ingress host.
        for (String url :
                List.of(data.get(PAYMENTS + "WECHAT_PAY_BASE_URL"), data.get(PAYMENTS + "ALIPAY_GATEWAY_URL"))) {
            java.net.URI uri = java.net.URI.create(url);
            assertThat(uri.getScheme()).as(url).isEqualTo("https");
            assertThat(uri.getPort()).as(url).isIn(-1, 443);
        }
        java.net.URI notify = java.net.URI.create(data.get(PAYMENTS + "NOTIFY_BASE_URL"));
        if (overlay.equals("production")) {
            assertThat(notify.getScheme()).as("providers post to HTTPS only").isEqualTo("https");
        }
        List<Ingress> ingresses = objects.stream()
                .filter(Ingress.class::isInstance)
                .map(Ingress.class::cast)
                .toList();
        for (String provider : List.of("wechat-pay", "alipay")) {
            Ingress routed = routeOf(ingresses, notify.getHost(), "/api/payments/callbacks/" + provider);
            assertThat(routed)
                    .as("the notify host %s has a rule for %s", notify.getHost(), provider)
                    .isNotNull();
            assertThat(routed.getMetadata().getName()).isEqualTo("origin-live");
            assertThat(routed.getMetadata().getAnnotations())
                    .doesNotContainKeys(
                            "nginx.ingress.kubernetes.io/denylist-source-range",
                            "nginx.ingress.kubernetes.io/whitelist-source-range");
        }

        // Egress on TCP 443 to public addresses, the cluster's private ranges excluded.
        List<NetworkPolicy> policies = objects.stream()
                .filter(NetworkPolicy.class::isInstance)
                .map(NetworkPolicy.class::cast)
                .filter(p -> Map.of("app.kubernetes.io/name", "origin-live")
                        .equals(p.getSpec().getPodSelector().getMatchLabels()))
                .toList();
        assertThat(policies.stream().flatMap(p -> p.getSpec().getEgress().stream()))
                .anySatisfy(rule -> {
                    assertThat(rule.getPorts()).singleElement().satisfies(port -> {
                        assertThat(port.getPort().getIntVal()).isEqualTo(443);
                        assertThat(port.getProtocol()).isEqualTo("TCP");
                    });
                    assertThat(rule.getTo()).singleElement().satisfies(peer -> {
                        assertThat(peer.getIpBlock().getCidr()).isEqualTo("0.0.0.0/0");
                        assertThat(peer.getIpBlock().getExcept())
                                .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16");
                    });
                });
    }

    /** ORIGINLIVE_PAYMENTS_* names of PaymentConfig's, WechatPayConfig's and AlipayConfig's settings. */
    private static Set<String> paymentConfigSettings() throws IOException {
        Set<String> names = new HashSet<>();
        names.addAll(settingsOf("payment/PaymentConfig.java", PAYMENTS));
        names.addAll(settingsOf("payment/WechatPayConfig.java", PAYMENTS + "WECHAT_PAY_"));
        names.addAll(settingsOf("payment/AlipayConfig.java", PAYMENTS + "ALIPAY_"));
        assertThat(names).contains(PAYMENTS + "NOTIFY_BASE_URL", PAYMENTS + "WECHAT_PAY_API_V3_KEY");
        return names;
    }

    /** The Ingress whose Prefix path is the longest one covering {@code path} (ingress-nginx's choice). */
    static Ingress routeOf(List<Ingress> ingresses, String host, String path) {
        Ingress best = null;
        int bestLength = -1;
        for (Ingress ingress : ingresses) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                if (!host.equals(rule.getHost())) {
                    continue;
                }
                for (HTTPIngressPath p : rule.getHttp().getPaths()) {
                    assertThat(p.getPathType()).isEqualTo("Prefix");
                    String prefix = p.getPath().replaceAll("/+$", "");
                    boolean covers = prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
                    if (covers && prefix.length() > bestLength) {
                        best = ingress;
                        bestLength = prefix.length();
                    }
                }
            }
        }
        return best;
    }

    /** ORIGINLIVE_MEDIA_* names of MediaConfig's settings, from its source (a method per setting). */
    private static Set<String> mediaConfigSettings() throws IOException {
        Set<String> names = settingsOf("media/MediaConfig.java", "ORIGINLIVE_MEDIA_");
        assertThat(names).contains("ORIGINLIVE_MEDIA_LOCAL", "ORIGINLIVE_MEDIA_HOOK_SECRET");
        return names;
    }

    /** Env names of a {@code @ConfigMapping}'s settings, from its source (a method per setting). */
    private static Set<String> settingsOf(String file, String prefix) throws IOException {
        String source = Files.readString(Path.of("src/main/java/org/originlive", file));
        Matcher method = Pattern.compile("^\\s+(?:Optional<\\w+>|\\w+) (\\w+)\\(\\);", Pattern.MULTILINE)
                .matcher(source);
        Set<String> names = new HashSet<>();
        while (method.find()) {
            names.add(prefix
                    + method.group(1).replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        }
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "local"})
    void notificationsReachSmtpPushServicesAndWebhooksOnPublicAddressesOnly(String overlay) throws Exception {
        NetworkPolicy policy = one(render(overlay), NetworkPolicy.class, "origin-live-notifications");

        assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(Map.of("app.kubernetes.io/name", "origin-live"));
        assertThat(policy.getSpec().getEgress())
                .extracting(rule -> rule.getPorts().stream()
                        .map(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
                        .toList())
                .containsExactlyInAnyOrder(List.of("TCP/587", "TCP/465"), List.of("TCP/443"));
        assertThat(policy.getSpec().getEgress())
                .allSatisfy(rule -> assertThat(rule.getTo()).singleElement().satisfies(peer -> assertThat(
                                peer.getIpBlock().getExcept())
                        .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "127.0.0.0/8")));
    }

    @Test
    void productionIsWatchedWithMetricsTheAppExports() throws Exception {
        List<HasMetadata> objects = render("production");
        Deployment app = one(objects, Deployment.class, "origin-live");
        Map<String, String> podLabels =
                app.getSpec().getTemplate().getMetadata().getLabels();
        String metricsPath =
                app.getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/path");
        assertThat(metricsPath).isEqualTo("/q/metrics");

        GenericKubernetesResource podMonitor = generic(objects, "PodMonitor");
        assertThat(podMonitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        Map<String, Object> monitorSpec =
                map(podMonitor.getAdditionalProperties().get("spec"), "PodMonitor spec");
        assertThat(monitorSpec).containsOnlyKeys("selector", "podMetricsEndpoints");
        Map<String, Object> selector = map(monitorSpec.get("selector"), "selector");
        assertThat(selector).containsOnlyKeys("matchLabels");
        assertThat(podLabels).containsAllEntriesOf(stringMap(selector.get("matchLabels")));
        List<Object> endpoints = list(monitorSpec.get("podMetricsEndpoints"), "podMetricsEndpoints");
        assertThat(endpoints).hasSize(1);
        Map<String, Object> endpoint = map(endpoints.get(0), "endpoint");
        assertThat(endpoint).containsOnlyKeys("port", "path", "interval");
        assertThat(endpoint.get("path")).isEqualTo(metricsPath);
        assertThat(app.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts())
                .anyMatch(p -> p.getName().equals(endpoint.get("port")));

        GenericKubernetesResource rules = generic(objects, "PrometheusRule");
        assertThat(rules.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        Map<String, Object> ruleSpec = map(rules.getAdditionalProperties().get("spec"), "PrometheusRule spec");
        assertThat(ruleSpec).containsOnlyKeys("groups");
        Set<String> alerts = new HashSet<>();
        Set<String> alerted = new HashSet<>();
        for (Object g : list(ruleSpec.get("groups"), "groups")) {
            Map<String, Object> group = map(g, "group");
            assertThat(group).containsOnlyKeys("name", "rules");
            for (Object r : list(group.get("rules"), "rules")) {
                Map<String, Object> rule = map(r, "rule");
                assertThat(rule).containsOnlyKeys("alert", "expr", "for", "labels", "annotations");
                String name = (String) rule.get("alert");
                assertThat(name).matches("OriginLive[A-Z][A-Za-z]+");
                assertThat(alerts.add(name)).as("alert %s defined once", name).isTrue();
                assertThat((String) rule.get("for")).matches("[0-9]+[smh]");
                assertThat(stringMap(rule.get("labels"))).containsOnlyKeys("severity");
                assertThat(stringMap(rule.get("labels")).get("severity")).isIn("info", "warning", "critical");
                assertThat(stringMap(rule.get("annotations"))).containsOnlyKeys("summary", "description");
                alerted.addAll(metricsIn(name, String.valueOf(rule.get("expr"))));
            }
        }
        assertThat(alerted)
                .as("alerts cover checkout, fan-out lag, adaptive rate, drops, viewers, pool queue, 429s, the bus"
                        + " and refunds stuck at a payment provider")
                .contains(
                        "originlive_checkout_latency_seconds_bucket",
                        "originlive_ws_notify_to_send_seconds",
                        "originlive_ws_flush_interval_millis",
                        "originlive_ws_viewers_dropped_total",
                        "originlive_ws_connections",
                        "sql_pool_queue_size",
                        "originlive_rate_limited_total",
                        "originlive_bus_outbox_oldest_seconds",
                        "originlive_bus_reconnects_total",
                        "originlive_bus_up",
                        "originlive_payments_refunds_failed_total");

        ConfigMap dashboardMap = one(objects, ConfigMap.class, "origin-live-dashboard");
        assertThat(dashboardMap.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboardMap.getData()).containsOnlyKeys("origin-live-dashboard.json");
        JsonNode dashboard = new ObjectMapper().readTree(dashboardMap.getData().get("origin-live-dashboard.json"));
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("title").asText()).isNotBlank();
        Set<Integer> ids = new HashSet<>();
        Set<String> charted = new HashSet<>();
        Set<String> chartedInBusRow = new HashSet<>();
        int busRow = Integer.MAX_VALUE;
        assertThat(dashboard.path("panels")).isNotEmpty();
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asText();
            assertThat(title).isNotBlank();
            assertThat(ids.add(panel.path("id").asInt()))
                    .as("panel id of %s is unique", title)
                    .isTrue();
            if (panel.path("type").asText().equals("row")) {
                // A row groups the panels below it (up to the next row) and queries nothing itself.
                assertThat(panel.has("targets"))
                        .as("row %s has no queries", title)
                        .isFalse();
                busRow = title.equals("Bus") ? panel.path("gridPos").path("y").asInt() : Integer.MAX_VALUE;
                continue;
            }
            assertThat(panel.path("targets")).as("queries of %s", title).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                Set<String> names = metricsIn(title, target.path("expr").asText());
                charted.addAll(names);
                if (panel.path("gridPos").path("y").asInt() > busRow) {
                    chartedInBusRow.addAll(names);
                }
            }
        }
        assertThat(chartedInBusRow)
                .as("the Bus row shows the outbox lag, reconnects, resyncs and the replicas hearing the bus")
                .contains(
                        "originlive_bus_outbox_oldest_seconds",
                        "originlive_bus_reconnects_total",
                        "originlive_bus_resyncs_total",
                        "originlive_bus_up");
        assertThat(charted)
                .as(
                        "the dashboard shows checkout rate and p99, viewers, frames/s, lag, adaptive rate, drops, pool queue, 429s")
                .contains(
                        "originlive_orders_created_total",
                        "originlive_checkout_latency_seconds_bucket",
                        "originlive_ws_connections",
                        "originlive_ws_frames_sent_total",
                        "originlive_ws_notify_to_send_seconds",
                        "originlive_ws_flush_interval_millis",
                        "originlive_ws_viewers_dropped_total",
                        "sql_pool_queue_size",
                        "originlive_rate_limited_total");
    }

    /** Metric names in a PromQL expression; each must be one the app exports, and there must be one. */
    private static Set<String> metricsIn(String where, String expr) {
        assertThat(expr).as("query of %s", where).isNotBlank();
        assertThat(expr.chars().filter(c -> c == '(').count())
                .as("balanced parentheses in %s", where)
                .isEqualTo(expr.chars().filter(c -> c == ')').count());
        Set<String> names = new HashSet<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            names.add(m.group());
        }
        assertThat(names).as("metrics queried by %s", where).isNotEmpty();
        assertThat(KNOWN_METRICS).as("metrics queried by %s exist", where).containsAll(names);
        return names;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static GenericKubernetesResource generic(List<HasMetadata> objects, String kind) {
        return objects.stream()
                .filter(GenericKubernetesResource.class::isInstance)
                .map(GenericKubernetesResource.class::cast)
                .filter(o -> o.getKind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(List.class);
        assertThat((List<Object>) value).as(what).isNotEmpty();
        return (List<Object>) value;
    }

    private static Map<String, String> stringMap(Object value) {
        Map<String, Object> raw = map(value, "map");
        Map<String, String> out = new HashMap<>();
        raw.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    static List<HasMetadata> render(String overlay) throws IOException, InterruptedException {
        boolean required = System.getenv("ORIGINLIVE_REQUIRE_KUBECTL") != null;
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", "k8s/overlays/" + overlay)
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            if (required) {
                throw new AssertionError("kubectl is required here (ORIGINLIVE_REQUIRE_KUBECTL is set)", e);
            }
            Assumptions.abort("kubectl is not installed: manifest validation skipped (CI runs it)");
            return List.of();
        }
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor())
                .as(new String(output, StandardCharsets.UTF_8))
                .isZero();
        Object parsed = Serialization.unmarshal(new ByteArrayInputStream(output));
        if (parsed instanceof List<?> list) {
            return list.stream().map(HasMetadata.class::cast).toList();
        }
        return List.of((HasMetadata) parsed);
    }

    /** Paths of fields the model did not recognise, found anywhere in the object. */
    private static List<String> unknownFields(Object root, String path) {
        List<String> unknown = new ArrayList<>();
        walk(root, path, unknown, new IdentityHashMap<>());
        return unknown;
    }

    private static void walk(Object node, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, true) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> || !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method method : node.getClass().getMethods()) {
            if (method.getParameterCount() != 0
                    || !method.getName().startsWith("get")
                    || method.getName().equals("getClass")) {
                continue;
            }
            try {
                Object value = method.invoke(node);
                if (method.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + " " + extra.keySet());
                    }
                } else {
                    walk(value, path + "." + method.getName().substring(3), unknown, seen);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<String> images(HasMetadata object) {
        if (object instanceof Deployment d) {
            return d.getSpec().getTemplate().getSpec().getContainers().stream()
                    .map(Container::getImage)
                    .toList();
        }
        if (object instanceof StatefulSet s) {
            return s.getSpec().getTemplate().getSpec().getContainers().stream()
                    .map(Container::getImage)
                    .toList();
        }
        if (object instanceof GenericKubernetesResource g
                && g.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec) {
            Object image = spec.get("imageName");
            return image == null ? List.of() : List.of(image.toString());
        }
        return List.of();
    }

    /** Settings the app knows: application.properties keys and those documented in docs/operations.md. */
    private static Set<String> knownSettings() throws IOException {
        Set<String> keys = new HashSet<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                keys.add(line.substring(0, line.indexOf('=')).trim().replaceFirst("^%[a-z]+\\.", ""));
            }
        }
        Matcher documented =
                Pattern.compile("\\| `([a-z][a-z0-9.\\-]+)`").matcher(Files.readString(Path.of("docs/operations.md")));
        while (documented.find()) {
            keys.add(documented.group(1));
        }
        return keys.stream()
                .map(k -> k.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"))
                .collect(Collectors.toSet());
    }

    static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type, String name) {
        return objects.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(o -> o.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }
}
