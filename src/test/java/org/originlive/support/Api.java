package org.originlive.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds test data through the public API, as a client would. Each call makes fresh data. */
public final class Api {

    public static final String ADMIN_EMAIL = "admin@test.originlive.org";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String PASSWORD = "password-for-tests";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    static {
        Contract.install();
    }

    private Api() {}

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    public static RequestSpecification as(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String login(String email, String password) {
        return anonymous()
                .body(Map.of("email", email, "password", password))
                .post("/api/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
    }

    public static String admin() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** Registers a new consumer and returns their token. */
    public static String consumer() {
        String email = unique("buyer") + "@example.com";
        anonymous()
                .body(Map.of("email", email, "password", PASSWORD, "displayName", "Buyer"))
                .post("/api/auth/register")
                .then()
                .statusCode(201);
        return login(email, PASSWORD);
    }

    /** Creates a staff account through the admin API and returns its token. */
    public static String staff(String role, String cooperativeId) {
        String email = unique(role.toLowerCase()) + "@example.com";
        var body = new java.util.HashMap<String, Object>(
                Map.of("email", email, "password", PASSWORD, "displayName", role + " user", "role", role));
        if (cooperativeId != null) {
            body.put("cooperativeId", cooperativeId);
        }
        as(admin()).body(body).post("/api/admin/users").then().statusCode(201);
        return login(email, PASSWORD);
    }

    public static String host() {
        return staff("HOST", null);
    }

    public static String cooperativeStaff(String cooperativeId) {
        return staff("COOPERATIVE", cooperativeId);
    }

    /** Creates a cooperative and returns its id. */
    public static String cooperative() {
        return cooperativeWithSlug(unique("coop"));
    }

    public static String cooperativeWithSlug(String slug) {
        return as(admin())
                .body(cooperativeBody(slug))
                .post("/api/cooperatives")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static Map<String, Object> cooperativeBody(String slug) {
        return Map.of(
                "slug", slug,
                "name", "Cooperative " + slug,
                "country", "RW",
                "region", "Southern Province",
                "story", "Chili growers",
                "payoutCurrency", "RWF");
    }

    public static Map<String, Object> productBody(String sku, long priceMinor, int stock) {
        return Map.of(
                "sku",
                sku,
                "name",
                "Product " + sku,
                "description",
                "A fine product",
                "unit",
                "pack",
                "priceMinor",
                priceMinor,
                "currency",
                "CNY",
                "stock",
                stock);
    }

    /** Creates a product of the cooperative (as admin) and returns its id. */
    public static String product(String cooperativeId, long priceMinor, int stock) {
        return as(admin())
                .body(productBody(unique("SKU"), priceMinor, stock))
                .post("/api/cooperatives/" + cooperativeId + "/products")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static Map<String, Object> saleItem(String productId, long price, int quantity, int limit) {
        return Map.of("productId", productId, "salePriceMinor", price, "quantity", quantity, "perCustomerLimit", limit);
    }

    public static Map<String, Object> saleBody(java.time.Instant startsAt, java.time.Instant endsAt, Object... items) {
        return Map.of(
                "title", "Rwandan coffee live",
                "streamUrl", "https://live.example/stream",
                "startsAt", startsAt.toString(),
                "endsAt", endsAt.toString(),
                "items", java.util.List.of(items));
    }

    /** A scheduled sale (starting in an hour) of {@code quantity} units of a fresh product. */
    public static String scheduledSale(String host, String productId, int quantity, int limit) {
        java.time.Instant start = java.time.Instant.now().plusSeconds(3600);
        return as(host).body(saleBody(start, start.plusSeconds(3600), saleItem(productId, 4900, quantity, limit)))
                .post("/api/sales")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A sale that is LIVE, with one item; returns the sale id. */
    public static String liveSale(String host, String productId, int quantity, int limit) {
        String id = scheduledSale(host, productId, quantity, limit);
        as(host).post("/api/sales/" + id + "/start").then().statusCode(200);
        return id;
    }

    public static Map<String, Object> address() {
        return Map.of(
                "name", "Li Wei",
                "line1", "88 Jianguo Road",
                "city", "Beijing",
                "postalCode", "100022",
                "country", "CN",
                "phone", "+86 10 5555 0100");
    }

    public static Map<String, Object> saleOrder(String itemId, int quantity) {
        return Map.of(
                "items",
                java.util.List.of(Map.of("itemId", itemId, "quantity", quantity)),
                "shippingAddress",
                address());
    }

    public static String firstItem(String saleId) {
        return anonymous().get("/api/sales/" + saleId).then().extract().path("items[0].id");
    }

    /** Places a sale order with a fresh key and returns the response. */
    public static io.restassured.response.Response orderFromSale(
            String buyer, String saleId, String itemId, int quantity) {
        return as(buyer)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(saleOrder(itemId, quantity))
                .post("/api/sales/" + saleId + "/orders");
    }

    public static int remaining(String saleId) {
        return anonymous().get("/api/sales/" + saleId).then().extract().path("items[0].remaining");
    }

    public static int stock(String productId) {
        return anonymous().get("/api/products/" + productId).then().extract().path("stock");
    }
}
