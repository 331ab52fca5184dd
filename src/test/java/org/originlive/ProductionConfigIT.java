package org.originlive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.originlive.devdb.LocalPostgres;
import org.originlive.support.Api;
import org.originlive.support.NatsServer;
import org.originlive.support.Replica;
import org.originlive.support.TestKeys;

/**
 * Starts packaged jars exactly as {@code k8s/base} starts pods: every variable of the ConfigMap and
 * of the Deployment's {@code env}, and the JWT and payment key Secrets' files written where the
 * Deployment mounts them (below a temporary root, so the test never writes to {@code /secrets}).
 * Only the addresses change: the database Service becomes the test's PostgreSQL and the port a free
 * one, since two replicas share this machine. Covers cross-replica access and refresh tokens, key
 * rotation with a JWKS, the fail-fast start without keys, and WeChat Pay and Alipay configured from
 * the manifests with no SANDBOX provider. One replica also gets the production overlay's bus
 * settings, its NATS servers being the test's nats-server: sale events reach NATS from the outbox.
 */
class ProductionConfigIT {

    private static final Path K8S = Path.of("k8s", "base");
    private static final Path PRODUCTION = Path.of("k8s", "overlays", "production");
    private static final String DB_SERVICE = "origin-live-db-rw:5432";
    private static final String ADMIN_EMAIL = Api.ADMIN_EMAIL;
    private static final String ADMIN_PASSWORD = Api.ADMIN_PASSWORD;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HOOK_SECRET =
            Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    private static final String KEY_ENCRYPTION_KEY = Base64.getEncoder().encodeToString(bytes(32));
    private static final String WEBHOOK_KEY_ENCRYPTION_KEY = Base64.getEncoder().encodeToString(bytes(32));

    // Payments in China: the origin-live-payment-keys Secret's files and the origin-live-payments
    // Secret's values, made here (RSA 2048; private keys PKCS#8 PEM, public keys SPKI PEM).
    private static final KeyPair WECHAT_PAY_MERCHANT = rsa();
    private static final KeyPair WECHAT_PAY_PLATFORM = rsa();
    private static final KeyPair ALIPAY_APP = rsa();
    private static final KeyPair ALIPAY_PLATFORM = rsa();
    private static final Map<String, String> PAYMENT_KEY_FILES = Map.of(
            "wechat-pay-merchant-key.pem",
                    pem("PRIVATE KEY", WECHAT_PAY_MERCHANT.getPrivate().getEncoded()),
            "wechat-pay-public-key.pem",
                    pem("PUBLIC KEY", WECHAT_PAY_PLATFORM.getPublic().getEncoded()),
            "alipay-app-key.pem", pem("PRIVATE KEY", ALIPAY_APP.getPrivate().getEncoded()),
            "alipay-public-key.pem",
                    pem("PUBLIC KEY", ALIPAY_PLATFORM.getPublic().getEncoded()));
    private static final Map<String, String> PAYMENT_VALUES = Map.of(
            "wechat-pay-mch-id", "1900000109",
            "wechat-pay-app-id", "wx8888888888888888",
            "wechat-pay-merchant-serial", "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
            "wechat-pay-public-key-id", "PUB_KEY_ID_0119000001092026120700000000000001",
            // 32 characters (32 bytes), as the merchant platform sets it.
            "wechat-pay-api-v3-key", java.util.HexFormat.of().formatHex(bytes(16)),
            "alipay-app-id", "2021000000000001",
            "alipay-seller-id", "2088000000000001");

    private static LocalPostgres db;
    private static final List<Replica> replicas = new ArrayList<>();

    @BeforeAll
    static void database() throws Exception {
        db = LocalPostgres.throwaway();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres")) {
            c.createStatement().execute("CREATE DATABASE app");
        }
    }

    @AfterAll
    static void stop() {
        replicas.forEach(Replica::close);
        if (db != null) {
            db.close();
        }
    }

    @Test
    void replicasShareTokensAndRotateKeysThroughAJwks() throws Exception {
        TestKeys previous = TestKeys.writeTo(Path.of("target", "it-keys", "previous"));
        TestKeys current = TestKeys.writeTo(Path.of("target", "it-keys", "current"));
        String bothKeys = TestKeys.jwks(List.of(previous, current));

        // Mid-rotation: every pod verifies with both keys; A still signs with the previous one, B with
        // the new one (rolled out with an explicit key id).
        Replica a = start(pod("a", previous, bothKeys, Map.of()));
        Replica b = start(pod("b", current, bothKeys, Map.of("SMALLRYE_JWT_SIGN_KEY_ID", current.thumbprint())));

        String email = "buyer-" + UUID.randomUUID() + "@example.com";
        on(a).body(Map.of("email", email, "password", Api.PASSWORD, "displayName", "Buyer"))
                .post("/api/auth/register")
                .then()
                .statusCode(201);
        Response fromA = login(a, email);
        String tokenA = fromA.path("accessToken");
        assertThat(kid(tokenA)).isEqualTo(previous.thumbprint());
        for (Replica replica : List.of(a, b)) {
            me(replica, tokenA).then().statusCode(200);
        }

        // A refresh token from A renews on B; B's access token carries the new key's kid and verifies on A.
        Response renewed = on(b).body(Map.of("refreshToken", fromA.path("refreshToken")))
                .post("/api/auth/refresh")
                .then()
                .statusCode(200)
                .extract()
                .response();
        String tokenB = renewed.path("accessToken");
        assertThat(kid(tokenB)).isEqualTo(current.thumbprint());
        me(a, tokenB).then().statusCode(200);
        on(a).body(Map.of("refreshToken", renewed.path("refreshToken")))
                .post("/api/auth/refresh")
                .then()
                .statusCode(200);
        // The spent refresh token is spent on every replica (and revokes the chain).
        on(b).body(Map.of("refreshToken", fromA.path("refreshToken")))
                .post("/api/auth/refresh")
                .then()
                .statusCode(401);

        // Foreign keys: an unknown kid, and a known kid on a foreign signature, are refused.
        TestKeys foreign = TestKeys.writeTo(Path.of("target", "it-keys", "foreign"));
        String subject = me(a, tokenA).path("id");
        for (Replica replica : List.of(a, b)) {
            me(replica, forge(foreign, foreign.thumbprint(), subject)).then().statusCode(401);
            me(replica, forge(foreign, current.thumbprint(), subject)).then().statusCode(401);
            me(replica, forge(current, current.thumbprint(), subject)).then().statusCode(200);
        }

        // Rotation done: the previous key leaves the set; its tokens stop working, the new ones do not.
        a.close();
        replicas.remove(a);
        // c also as production runs it: on the nats bus.
        Map<String, String> bus = productionBus();
        Replica c = start(pod("c", current, TestKeys.jwks(List.of(current)), bus));
        me(c, tokenA).then().statusCode(401);
        me(c, tokenB).then().statusCode(200);
        assertThat(kid(login(c, email).path("accessToken"))).isEqualTo(current.thumbprint());

        mediaSettingsReachTheApp(c);
        // Web Push: the origin-live-notify Secret's VAPID pair is what browsers subscribe with.
        on(c).get("/api/push/vapid-public-key").then().statusCode(200).body("publicKey", equalTo(TestKeys.VAPID[0]));
        paymentProvidersComeFromTheManifests(c);
        if (!bus.isEmpty()) {
            saleEventsGoThroughNats(c);
        }
    }

    /**
     * The production overlay's bus settings (bus-config.yaml, its patch of the ConfigMap), the NATS
     * servers it names being the test's one nats-server. Empty where nats-server is not installed:
     * then c stays on the base's postgres bus (CI sets ORIGINLIVE_REQUIRE_NATS, and this fails).
     */
    private static Map<String, String> productionBus() throws IOException {
        if (!NatsServer.available()) {
            return Map.of();
        }
        Map<String, String> bus;
        try (InputStream in = Files.newInputStream(PRODUCTION.resolve("bus-config.yaml"))) {
            bus = new HashMap<>(Serialization.unmarshal(in, ConfigMap.class).getData());
        }
        assertThat(bus).containsEntry("ORIGINLIVE_BUS", "nats").containsKey("ORIGINLIVE_NATS_URL");
        bus.put(
                "ORIGINLIVE_NATS_URL",
                bus.get("ORIGINLIVE_NATS_URL")
                        .replaceAll("nats://[^,]+", NatsServer.shared().url()));
        return bus;
    }

    /**
     * The bus as the production overlay sets it: the bus check in /q/health is NATS's and UP, the
     * dashboard's bus metrics are exported, and a checkout's stock event reaches NATS on the sale's
     * subject, from the outbox, which it then leaves.
     */
    private static void saleEventsGoThroughNats(Replica replica) throws Exception {
        int previousPort = RestAssured.port;
        RestAssured.port = replica.port;
        try (io.nats.client.Connection nats =
                io.nats.client.Nats.connect(NatsServer.shared().url())) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                            RestAssured.get("/q/health").<List<Map<String, Object>>>path("checks"))
                    .anySatisfy(check -> {
                        assertThat((String) check.get("name")).contains("bus");
                        assertThat(check.get("status")).isEqualTo("UP");
                        assertThat(((Map<?, ?>) check.get("data")).get("bus")).isEqualTo("nats");
                    }));
            assertThat(RestAssured.get("/q/metrics").asString())
                    .contains(
                            "originlive_bus_outbox_oldest_seconds",
                            "originlive_bus_reconnects_total",
                            "originlive_bus_resyncs_total");

            String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, 5), 5, 5);
            String item = Api.firstItem(sale);
            io.nats.client.Subscription events = nats.subscribe("originlive.sale." + sale);
            nats.flush(Duration.ofSeconds(5));
            Api.orderFromSale(Api.consumer(), sale, item, 1).then().statusCode(201);
            List<io.vertx.core.json.JsonObject> heard = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                io.nats.client.Message message = events.nextMessage(Duration.ofMillis(200));
                if (message != null) {
                    new io.vertx.core.json.JsonArray(new String(message.getData(), StandardCharsets.UTF_8))
                            .forEach(e -> heard.add((io.vertx.core.json.JsonObject) e));
                }
                return heard.stream()
                        .anyMatch(e -> "stock".equals(e.getString("kind"))
                                && item.equals(e.getString("itemId"))
                                && Integer.valueOf(4).equals(e.getInteger("remaining")));
            });
        } finally {
            RestAssured.port = previousPort;
        }
        try (Connection sql = DriverManager.getConnection(
                        db.jdbcUrl().replaceAll("/postgres$", "/app"), "postgres", "postgres");
                var waiting = sql.prepareStatement("SELECT count(*) FROM outbox WHERE topic = 'sale-events'")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                try (var rows = waiting.executeQuery()) {
                    return rows.next() && rows.getLong(1) == 0;
                }
            });
        }
    }

    /**
     * The ConfigMap's media settings and the media Secret, as the pod got them: the host is shown
     * the ingest address, the engine's callbacks pass with the Secret's hook secret and this engine
     * id (and only with them), and the playlist is served from the playback base.
     */
    private static void mediaSettingsReachTheApp(Replica replica) throws IOException {
        Map<String, String> media = read("configmap.yaml", ConfigMap.class).getData();
        int previousPort = RestAssured.port;
        RestAssured.port = replica.port;
        try {
            String host = Api.host();
            String sale = Api.liveSale(host, Api.product(Api.cooperative(), 100, 5), 5, 1);
            Response stream = Api.as(host).get("/api/sales/" + sale + "/stream");
            stream.then().statusCode(200);
            assertThat(stream.<String>path("ingestUrl")).isEqualTo(media.get("ORIGINLIVE_MEDIA_INGEST_URL"));
            String hooks = "/api/media/hooks/on_publish?engine=" + media.get("ORIGINLIVE_MEDIA_ENGINE_ID") + "&secret=";
            publish(hooks + "not-the-secret", stream.path("streamKey")).then().statusCode(403);
            publish(hooks + HOOK_SECRET, stream.path("streamKey")).then().statusCode(302);
            assertThat(Api.anonymous().get("/api/sales/" + sale).<String>path("video.playbackUrl"))
                    .startsWith(media.get("ORIGINLIVE_MEDIA_PLAYBACK_BASE_URL") + "/");
        } finally {
            RestAssured.port = previousPort;
        }
    }

    /**
     * The payment settings and key files, as the pod got them: no SANDBOX provider in prod, both
     * providers configured. Alipay's PAGE channel is a URL signed with the mounted app key on the
     * manifests' gateway (no call leaves the machine); WeChat Pay's channels would call its API, so
     * its start-up line says it read the merchant's settings and keys.
     */
    private static void paymentProvidersComeFromTheManifests(Replica replica) throws Exception {
        Map<String, String> config = read("configmap.yaml", ConfigMap.class).getData();
        int previousPort = RestAssured.port;
        RestAssured.port = replica.port;
        try {
            RestAssured.get("/q/health/ready").then().statusCode(200);
            String buyer = Api.consumer();
            String sale = Api.liveSale(Api.host(), Api.product(Api.cooperative(), 100, 5), 5, 5);
            Response order = Api.orderFromSale(buyer, sale, Api.firstItem(sale), 1);
            order.then().statusCode(201);
            assertThat(order.<String>path("status")).isEqualTo("RESERVED");
            String payments = "/api/orders/" + order.path("id") + "/payments";

            openPayment(buyer, payments, "SANDBOX", "PAGE")
                    .then()
                    .statusCode(422)
                    .body("type", org.hamcrest.Matchers.endsWith("/provider-unavailable"));
            // Nor the v1 sandbox method: in production nothing marks an order PAID without money.
            Api.as(buyer)
                    .body(Map.of("method", "sandbox"))
                    .post("/api/orders/" + order.path("id") + "/pay")
                    .then()
                    .statusCode(422);
            openPayment(buyer, payments, "ALIPAY", "H5")
                    .then()
                    .statusCode(422)
                    .body("type", org.hamcrest.Matchers.endsWith("/channel-unsupported"));

            Response alipay = openPayment(buyer, payments, "ALIPAY", "PAGE");
            alipay.then().statusCode(201);
            assertThat(alipay.<String>path("status")).isEqualTo("PENDING");
            assertThat(alipay.<String>path("action.type")).isEqualTo("REDIRECT");
            String url = alipay.path("action.url");
            String gateway = config.get("ORIGINLIVE_PAYMENTS_ALIPAY_GATEWAY_URL");
            assertThat(url).startsWith(gateway + "?");
            Map<String, String> query = query(url.substring(gateway.length() + 1));
            assertThat(query)
                    .containsEntry("method", "alipay.trade.page.pay")
                    .containsEntry("app_id", PAYMENT_VALUES.get("alipay-app-id"))
                    .containsEntry(
                            "notify_url",
                            config.get("ORIGINLIVE_PAYMENTS_NOTIFY_BASE_URL") + "/api/payments/callbacks/alipay");
            assertThat(query.get("biz_content")).contains(PAYMENT_VALUES.get("alipay-seller-id"));
            Signature rsa2 = Signature.getInstance("SHA256withRSA");
            rsa2.initVerify(ALIPAY_APP.getPublic());
            rsa2.update(new java.util.TreeMap<>(query)
                    .entrySet().stream()
                            .filter(e -> !e.getKey().equals("sign"))
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(java.util.stream.Collectors.joining("&"))
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(rsa2.verify(Base64.getDecoder().decode(query.get("sign"))))
                    .as("signed with the mounted Alipay app key")
                    .isTrue();
            Api.as(buyer)
                    .get(payments)
                    .then()
                    .statusCode(200)
                    .body("items[0].status", org.hamcrest.Matchers.is("PENDING"));

            assertThat(Files.readString(Path.of("target", "replica-" + replica.port + ".log")))
                    .contains("WeChat Pay configured: merchant " + PAYMENT_VALUES.get("wechat-pay-mch-id") + ", "
                            + config.get("ORIGINLIVE_PAYMENTS_WECHAT_PAY_MODE") + " mode, "
                            + config.get("ORIGINLIVE_PAYMENTS_WECHAT_PAY_BASE_URL"))
                    .contains("Alipay configured: app " + PAYMENT_VALUES.get("alipay-app-id") + " at " + gateway);
        } finally {
            RestAssured.port = previousPort;
        }
    }

    private static Response openPayment(String buyer, String path, String provider, String channel) {
        return Api.as(buyer)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("provider", provider, "channel", channel))
                .post(path);
    }

    private static Map<String, String> query(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static Response publish(String hook, String streamKey) {
        return RestAssured.given()
                .redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("call", "publish")
                .formParam("app", "live")
                .formParam("name", streamKey)
                .formParam("clientid", "7")
                .post(hook);
    }

    @Test
    void prodWithoutKeysRefusesToStartUnlessTheOperatorOptsIn() throws Exception {
        Map<String, String> env =
                pod("nokeys", TestKeys.writeTo(Path.of("target", "it-keys", "unused")), "{}", Map.of());
        env.remove("SMALLRYE_JWT_SIGN_KEY_LOCATION");
        env.remove("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        int port = Integer.parseInt(env.get("QUARKUS_HTTP_PORT"));
        Process refused = Replica.launch(port, Map.of(), env);
        assertThat(refused.waitFor(90, TimeUnit.SECONDS))
                .as("prod without keys exits")
                .isTrue();
        assertThat(refused.exitValue()).isNotZero();
        assertThat(Files.readString(Path.of("target", "replica-" + port + ".log")))
                .contains("SMALLRYE_JWT_SIGN_KEY_LOCATION")
                .contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION");

        env.put("ORIGINLIVE_JWT_EPHEMERAL_KEYS", "true");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(Replica.freePort()));
        Replica trial = start(env);
        on(trial)
                .body(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD))
                .post("/api/auth/login")
                .then()
                .statusCode(200);
        assertThat(Files.readString(Path.of("target", "replica-" + trial.port + ".log")))
                .contains("ORIGINLIVE_JWT_EPHEMERAL_KEYS=true: signing with a key pair made at start-up");
    }

    /**
     * A pod's environment from the manifests, with the JWT Secret (a private key and a JWKS) and the
     * payment key Secret written under its own root where the Deployment mounts them.
     */
    private static Map<String, String> pod(String name, TestKeys signing, String jwks, Map<String, String> extra)
            throws IOException {
        Path root = Files.createTempDirectory("originlive-pod-" + name);
        Deployment deployment = read("deployment.yaml", Deployment.class);
        var container =
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Secret jwt = secret("origin-live-jwt");
        String mount = mountOf(
                deployment, container.getVolumeMounts(), jwt.getMetadata().getName());
        assertThat(jwt.getStringData()).as("the JWT Secret's files").containsOnlyKeys("private.pem", "jwks.json");
        Path dir = root.resolve(mount.substring(1));
        Files.createDirectories(dir);
        Files.copy(signing.privatePem, dir.resolve("private.pem"));
        Files.writeString(dir.resolve("jwks.json"), jwks);

        Secret paymentKeys = secret("origin-live-payment-keys");
        String paymentMount = mountOf(
                deployment,
                container.getVolumeMounts(),
                paymentKeys.getMetadata().getName());
        assertThat(paymentKeys.getStringData())
                .as("the payment key Secret's files")
                .containsOnlyKeys(PAYMENT_KEY_FILES.keySet().toArray(String[]::new));
        Path paymentDir = root.resolve(paymentMount.substring(1));
        Files.createDirectories(paymentDir);
        for (var file : PAYMENT_KEY_FILES.entrySet()) {
            Files.writeString(paymentDir.resolve(file.getKey()), file.getValue());
        }

        Map<String, String> env = new HashMap<>();
        for (var entry : read("configmap.yaml", ConfigMap.class).getData().entrySet()) {
            env.put(entry.getKey(), localise(entry.getValue(), List.of(mount, paymentMount), root));
        }
        for (EnvVar variable : container.getEnv()) {
            env.put(variable.getName(), fromSecret(variable));
        }
        env.put("QUARKUS_HTTP_PORT", Integer.toString(Replica.freePort()));
        env.putAll(extra);
        return env;
    }

    /** The manifests' own values, except the database Service's address and the mounted files' root. */
    private static String localise(String value, List<String> mounts, Path root) {
        if (mounts.stream().anyMatch(mount -> value.startsWith(mount + "/"))) {
            return root + value;
        }
        return value.replace(DB_SERVICE, "localhost:" + db.port());
    }

    /** What the Deployment takes from a Secret: the test's credentials, secrets and merchants. */
    private static String fromSecret(EnvVar variable) throws IOException {
        var ref = variable.getValueFrom().getSecretKeyRef();
        String key = ref.getName() + "/" + ref.getKey();
        if (ref.getName().equals("origin-live-payments")) {
            assertThat(secret(ref.getName()).getStringData())
                    .as("the payments Secret's keys")
                    .containsOnlyKeys(PAYMENT_VALUES.keySet().toArray(String[]::new));
            if (PAYMENT_VALUES.containsKey(ref.getKey())) {
                return PAYMENT_VALUES.get(ref.getKey());
            }
        }
        return switch (key) {
            case "origin-live-db-app/username", "origin-live-db-app/password" -> "postgres";
            case "origin-live-admin/email" -> ADMIN_EMAIL;
            case "origin-live-admin/password" -> ADMIN_PASSWORD;
            case "origin-live-media/hook-secret" -> HOOK_SECRET;
            case "origin-live-media/key-encryption-key" -> KEY_ENCRYPTION_KEY;
            case "origin-live-notify/link-key" -> TestKeys.LINK_KEY;
            case "origin-live-notify/vapid-public-key" -> TestKeys.VAPID[0];
            case "origin-live-notify/vapid-private-key" -> TestKeys.VAPID[1];
            case "origin-live-notify/webhook-key-encryption-key" -> WEBHOOK_KEY_ENCRYPTION_KEY;
            case "origin-live-notify/smtp-username" -> "mailer";
            case "origin-live-notify/smtp-password" -> "mailer-password";
            default -> throw new AssertionError("The Deployment reads a Secret this test does not know: " + key);
        };
    }

    private static String mountOf(Deployment deployment, List<VolumeMount> mounts, String secretName) {
        String volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v ->
                        v.getSecret() != null && secretName.equals(v.getSecret().getSecretName()))
                .map(Volume::getName)
                .findFirst()
                .orElseThrow();
        return mounts.stream()
                .filter(m -> m.getName().equals(volume))
                .map(VolumeMount::getMountPath)
                .findFirst()
                .orElseThrow();
    }

    private static Secret secret(String name) throws IOException {
        String all = Files.readString(K8S.resolve("secret-template.yaml"));
        for (String document : all.split("(?m)^---$")) {
            HasMetadata object = Serialization.unmarshal(document);
            if (object instanceof Secret secret
                    && name.equals(secret.getMetadata().getName())) {
                return secret;
            }
        }
        throw new AssertionError("No Secret " + name + " in secret-template.yaml");
    }

    private static <T> T read(String file, Class<T> type) throws IOException {
        try (InputStream in = Files.newInputStream(K8S.resolve(file))) {
            return Serialization.unmarshal(in, type);
        }
    }

    private static Replica start(Map<String, String> env) {
        Replica replica = Replica.start(Map.of(), env, Integer.parseInt(env.get("QUARKUS_HTTP_PORT")));
        replicas.add(replica);
        return replica;
    }

    private static io.restassured.specification.RequestSpecification on(Replica replica) {
        return RestAssured.given().port(replica.port).contentType(ContentType.JSON);
    }

    private static Response login(Replica replica, String email) {
        return on(replica)
                .body(Map.of("email", email, "password", Api.PASSWORD))
                .post("/api/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .response();
    }

    private static Response me(Replica replica, String token) {
        return on(replica).header("Authorization", "Bearer " + token).get("/api/me");
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String kid(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        return new io.vertx.core.json.JsonObject(header).getString("kid");
    }

    /** A token with the app's issuer and claims, signed by {@code keys} under the given kid. */
    private static String forge(TestKeys keys, String kid, String subject) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://originlive.org");
        claims.setSubject(subject);
        claims.setStringListClaim("groups", "CONSUMER");
        claims.setIssuedAtToNow();
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(
                Instant.now().plusSeconds(600).getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.pair.getPrivate());
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }
}
