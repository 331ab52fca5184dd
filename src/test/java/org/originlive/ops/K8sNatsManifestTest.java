package org.originlive.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originlive.ops.K8sManifestTest.one;
import static org.originlive.ops.K8sManifestTest.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.originlive.support.NatsServer;

/**
 * The scale-out bus in the manifests (issue 26): production runs a 3-node NATS cluster with routes
 * between the servers and points the app at it; only the app's pods reach NATS's clients' port;
 * base and local keep LISTEN/NOTIFY. The shipped nats.conf is also run, by three local servers.
 */
class K8sNatsManifestTest {

    private static final Map<String, String> APP = Map.of("app.kubernetes.io/name", "origin-live");
    private static final Pattern ROUTES = Pattern.compile("routes\\s*\\[([^\\]]*)\\]");

    @Test
    void productionCarriesSaleEventsOnThreeNatsServersWithRoutes() throws Exception {
        List<HasMetadata> objects = render("production");
        StatefulSet nats = one(objects, StatefulSet.class, "nats");
        assertThat(nats.getSpec().getReplicas()).isEqualTo(3);
        Map<String, String> natsPods =
                nats.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(natsPods).containsAllEntriesOf(nats.getSpec().getSelector().getMatchLabels());
        PodSpec pod = nats.getSpec().getTemplate().getSpec();
        Container server = pod.getContainers().get(0);
        assertThat(server.getImage()).as("the official image, a pinned 2.x").matches("nats:2\\.\\d+\\.\\d+(-alpine)?");
        Map<String, Integer> ports = new HashMap<>();
        server.getPorts().forEach(p -> ports.put(p.getName(), p.getContainerPort()));
        assertThat(ports)
                .containsEntry("client", 4222)
                .containsEntry("cluster", 6222)
                .containsEntry("monitor", 8222);
        for (Probe probe : List.of(server.getStartupProbe(), server.getReadinessProbe(), server.getLivenessProbe())) {
            assertThat(probe.getHttpGet().getPath()).isEqualTo("/healthz");
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("monitor");
        }
        assertThat(server.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(server.getResources().getLimits()).containsKey("memory");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(server.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(server.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();

        // One server per node, and at most one away by choice.
        assertThat(pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution())
                .anySatisfy(term -> {
                    assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                    assertThat(natsPods)
                            .containsAllEntriesOf(term.getLabelSelector().getMatchLabels());
                });
        PodDisruptionBudget budget = one(objects, PodDisruptionBudget.class, "nats");
        assertThat(natsPods).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);

        // The headless Service names the pods; the routes name every server, itself included.
        Service headless = one(objects, Service.class, nats.getSpec().getServiceName());
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(headless.getSpec().getPublishNotReadyAddresses())
                .as("routes form before the servers are ready")
                .isTrue();
        assertThat(natsPods).containsAllEntriesOf(headless.getSpec().getSelector());
        List<String> hosts = IntStream.range(0, nats.getSpec().getReplicas())
                .mapToObj(i -> nats.getMetadata().getName() + "-" + i + "."
                        + headless.getMetadata().getName())
                .toList();
        String conf = natsConf(objects, nats);
        assertThat(routes(conf))
                .containsExactlyInAnyOrderElementsOf(hosts.stream()
                        .map(h -> "nats://" + h + ":" + ports.get("cluster"))
                        .toList());
        assertThat(conf)
                .containsPattern("(?m)^port: " + ports.get("client") + "$")
                .containsPattern("(?m)^http_port: " + ports.get("monitor") + "$")
                .containsPattern("(?m)^  port: " + ports.get("cluster") + "$")
                .contains("server_name: $POD_NAME", "no_advertise: true")
                .doesNotContain("jetstream");
        assertThat(server.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("POD_NAME");
            assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        });

        // The app: the nats bus, each server's client port by name.
        ConfigMap config = one(objects, ConfigMap.class, "origin-live-config");
        assertThat(config.getData()).containsEntry("ORIGINLIVE_BUS", "nats");
        assertThat(config.getData().get("ORIGINLIVE_NATS_URL").split(","))
                .containsExactlyElementsOf(hosts.stream()
                        .map(h -> "nats://" + h + ":" + ports.get("client"))
                        .toList());
        Service client = one(objects, Service.class, "nats-client");
        assertThat(client.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(natsPods).containsAllEntriesOf(client.getSpec().getSelector());
        assertThat(client.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).isEqualTo(4222);
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("client");
        });

        // Network: clients are the app's pods alone, routes run between NATS pods alone, nothing else gets in.
        List<NetworkPolicy> natsPolicies = policiesOf(objects, natsPods);
        assertThat(natsPolicies).isNotEmpty();
        List<NetworkPolicyIngressRule> ingress = new ArrayList<>();
        natsPolicies.forEach(p -> ingress.addAll(p.getSpec().getIngress()));
        assertThat(ingress).allSatisfy(rule -> {
            assertThat(rule.getFrom()).as("every rule names its sources").isNotEmpty();
            assertThat(rule.getPorts()).as("every rule names its ports").isNotEmpty();
        });
        assertThat(sourcesOf(ingress, ports.get("client"))).isNotEmpty().allSatisfy(peer -> assertPods(peer, APP));
        assertThat(sourcesOf(ingress, ports.get("cluster")))
                .isNotEmpty()
                .allSatisfy(
                        peer -> assertPods(peer, nats.getSpec().getSelector().getMatchLabels()));
        assertThat(sourcesOf(ingress, ports.get("monitor")))
                .as("nothing scrapes 8222")
                .isEmpty();
        assertThat(natsPolicies.stream().flatMap(p -> p.getSpec().getEgress().stream()))
                .as("routes go out to the other servers")
                .anySatisfy(rule -> reaches(rule, natsPods, ports.get("cluster")));
        assertThat(policiesOf(objects, APP).stream().flatMap(p -> p.getSpec().getEgress().stream()))
                .as("the app's egress reaches NATS's clients' port")
                .anySatisfy(rule -> reaches(rule, natsPods, ports.get("client")));
    }

    @Test
    void baseAndLocalKeepTheirSaleEventsOnPostgres() throws Exception {
        List<HasMetadata> objects = render("local");
        assertThat(one(objects, ConfigMap.class, "origin-live-config").getData())
                .containsEntry("ORIGINLIVE_BUS", "postgres")
                .doesNotContainKey("ORIGINLIVE_NATS_URL");
        assertThat(objects).noneMatch(StatefulSet.class::isInstance);
    }

    /** The shipped nats.conf run by three local servers (routes pointed at them): each routes to the other two. */
    @Test
    void theShippedNatsConfFormsAClusterOfThree() throws Exception {
        NatsServer.require();
        List<HasMetadata> objects = render("production");
        StatefulSet nats = one(objects, StatefulSet.class, "nats");
        String conf = natsConf(objects, nats);
        int size = nats.getSpec().getReplicas();
        List<String> names = new ArrayList<>();
        int[] clientPorts = new int[size];
        int[] routePorts = new int[size];
        int[] monitorPorts = new int[size];
        for (int i = 0; i < size; i++) {
            names.add(nats.getMetadata().getName() + "-" + i);
            clientPorts[i] = freePort();
            routePorts[i] = freePort();
            monitorPorts[i] = freePort();
            conf = conf.replace(
                    "nats://" + names.get(i) + "." + nats.getSpec().getServiceName() + ":6222",
                    "nats://127.0.0.1:" + routePorts[i]);
        }
        assertThat(routes(conf)).allMatch(r -> r.startsWith("nats://127.0.0.1:"));
        Path file = Files.createDirectories(Path.of("target")).resolve("nats-cluster.conf");
        Files.writeString(file, conf);

        List<Process> servers = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                ProcessBuilder builder = new ProcessBuilder(
                                NatsServer.binary().toString(),
                                "-c",
                                file.toString(),
                                "-a",
                                "127.0.0.1",
                                "-p",
                                Integer.toString(clientPorts[i]),
                                "-m",
                                Integer.toString(monitorPorts[i]),
                                "--cluster",
                                "nats://127.0.0.1:" + routePorts[i],
                                "-P",
                                Path.of("target", names.get(i) + ".pid").toString())
                        .redirectErrorStream(true)
                        .redirectOutput(Path.of("target", names.get(i) + ".log").toFile());
                builder.environment().put("POD_NAME", names.get(i));
                servers.add(builder.start());
            }
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
                for (int i = 0; i < size; i++) {
                    JsonNode varz = get(http, json, monitorPorts[i], "/varz");
                    assertThat(varz.path("server_name").asText()).isEqualTo(names.get(i));
                    assertThat(varz.path("cluster").path("name").asText()).isEqualTo("origin-live");
                    assertThat(get(http, json, monitorPorts[i], "/routez")
                                    .path("num_routes")
                                    .asInt())
                            .as("routes of %s", names.get(i))
                            .isEqualTo(size - 1);
                }
            });
        } finally {
            for (Process server : servers) {
                server.destroy();
                server.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** nats.conf from the ConfigMap the server's --config points into. */
    private static String natsConf(List<HasMetadata> objects, StatefulSet nats) {
        PodSpec pod = nats.getSpec().getTemplate().getSpec();
        Container server = pod.getContainers().get(0);
        int flag = server.getArgs().indexOf("--config");
        assertThat(flag).as("nats-server --config").isNotNegative();
        Path path = Path.of(server.getArgs().get(flag + 1));
        String volume = server.getVolumeMounts().stream()
                .filter(m -> Path.of(m.getMountPath()).equals(path.getParent()))
                .findFirst()
                .orElseThrow()
                .getName();
        String configMap = pod.getVolumes().stream()
                .filter(v -> v.getName().equals(volume))
                .findFirst()
                .orElseThrow()
                .getConfigMap()
                .getName();
        String conf = one(objects, ConfigMap.class, configMap)
                .getData()
                .get(path.getFileName().toString());
        assertThat(conf).as("%s in ConfigMap %s", path, configMap).isNotBlank();
        return conf;
    }

    private static List<String> routes(String conf) {
        Matcher m = ROUTES.matcher(conf);
        assertThat(m.find()).as("nats.conf has cluster routes").isTrue();
        return List.of(m.group(1).trim().split("\\s+"));
    }

    /** Policies that select pods with these labels (an empty selector selects every pod). */
    private static List<NetworkPolicy> policiesOf(List<HasMetadata> objects, Map<String, String> podLabels) {
        return objects.stream()
                .filter(NetworkPolicy.class::isInstance)
                .map(NetworkPolicy.class::cast)
                .filter(p -> {
                    Map<String, String> selector = p.getSpec().getPodSelector().getMatchLabels();
                    return selector == null || podLabels.entrySet().containsAll(selector.entrySet());
                })
                .toList();
    }

    private static List<NetworkPolicyPeer> sourcesOf(List<NetworkPolicyIngressRule> rules, int port) {
        return rules.stream()
                .filter(r -> r.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == port))
                .flatMap(r -> r.getFrom().stream())
                .toList();
    }

    /** A peer that is pods of this namespace with these labels, nothing wider. */
    private static void assertPods(NetworkPolicyPeer peer, Map<String, String> labels) {
        assertThat(peer.getNamespaceSelector()).isNull();
        assertThat(peer.getIpBlock()).isNull();
        assertThat(peer.getPodSelector().getMatchLabels()).isEqualTo(labels);
    }

    private static void reaches(NetworkPolicyEgressRule rule, Map<String, String> podLabels, int port) {
        assertThat(rule.getPorts())
                .anySatisfy(p -> assertThat(p.getPort().getIntVal()).isEqualTo(port));
        assertThat(rule.getTo()).isNotEmpty().allSatisfy(peer -> assertThat(podLabels)
                .containsAllEntriesOf(peer.getPodSelector().getMatchLabels()));
    }

    private static JsonNode get(HttpClient http, ObjectMapper json, int port, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(2))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
