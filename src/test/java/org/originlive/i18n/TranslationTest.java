package org.originlive.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.Concurrently;

/** Product and cooperative translations through the API: who may write them, how reads pick a language. */
@QuarkusTest
class TranslationTest {

    private static final String PROBLEM = "application/problem+json";

    private static String productOf(String cooperative, String name, String description) {
        Map<String, Object> body = new HashMap<>(Api.productBody(Api.unique("SKU"), 6800, 10));
        body.put("name", name);
        body.put("description", description);
        return as(Api.admin())
                .body(body)
                .post("/api/cooperatives/" + cooperative + "/products")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void translate(String token, String path, Object body) {
        as(token).body(body).put(path).then().statusCode(200);
    }

    private static Response read(String path, String acceptLanguage) {
        var request = anonymous();
        if (acceptLanguage != null) {
            request = request.header("Accept-Language", acceptLanguage);
        }
        return request.get(path);
    }

    @Test
    void aProductIsServedInTheBuyersLanguageFieldByField() {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        String product = productOf(coop, "Sidama washed arabica, 250 g", "Floral, bergamot and lemon notes.");

        as(staff)
                .body(Map.of("name", "西达摩水洗阿拉比卡咖啡豆 250克"))
                .put("/api/products/" + product + "/translations/zh-CN")
                .then()
                .statusCode(200)
                .body("lang", equalTo("zh-CN"))
                .body("name", equalTo("西达摩水洗阿拉比卡咖啡豆 250克"))
                .body("description", nullValue())
                .body("updatedAt", org.hamcrest.Matchers.notNullValue());

        read("/api/products/" + product, "zh-CN")
                .then()
                .statusCode(200)
                .header("Content-Language", "zh-CN")
                .header("Vary", containsString("Accept-Language"))
                .body("name", equalTo("西达摩水洗阿拉比卡咖啡豆 250克"))
                // untranslated field: the source text
                .body("description", equalTo("Floral, bergamot and lemon notes."))
                .body("lang", equalTo("zh-CN"))
                .body("sourceLang", equalTo("en"));

        read("/api/products/" + product, null)
                .then()
                .statusCode(200)
                .header("Content-Language", "en")
                .header("Vary", containsString("Accept-Language"))
                .body("name", equalTo("Sidama washed arabica, 250 g"))
                .body("lang", equalTo("en"));

        // A language with no translation serves the source, labelled as such.
        read("/api/products/" + product, "fr")
                .then()
                .statusCode(200)
                .header("Content-Language", "en")
                .body("name", equalTo("Sidama washed arabica, 250 g"))
                .body("lang", equalTo("en"));

        // A later PUT replaces the translation: now both fields, then only the description.
        translate(
                staff,
                "/api/products/" + product + "/translations/zh-cn",
                Map.of("name", "西达摩咖啡", "description", "花香，带佛手柑与柠檬风味。"));
        read("/api/products/" + product, "zh")
                .then()
                .body("name", equalTo("西达摩咖啡"))
                .body("description", equalTo("花香，带佛手柑与柠檬风味。"));
        translate(staff, "/api/products/" + product + "/translations/zh-CN", Map.of("description", "花香。"));
        read("/api/products/" + product, "zh-Hans-CN")
                .then()
                .body("name", equalTo("Sidama washed arabica, 250 g"))
                .body("description", equalTo("花香。"))
                .body("lang", equalTo("zh-CN"));
    }

    @Test
    void acceptLanguageFollowsWeightsMappingsAndFallbacks() {
        String coop = Api.cooperative();
        String product = productOf(coop, "Chili sauce trio", "Mild, medium and hot.");
        String admin = Api.admin();
        translate(admin, "/api/products/" + product + "/translations/zh-CN", Map.of("name", "辣椒酱三瓶装"));
        translate(admin, "/api/products/" + product + "/translations/fr", Map.of("name", "Trio de sauces pimentées"));
        String path = "/api/products/" + product;

        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("zh-CN", "辣椒酱三瓶装");
        expected.put("zh", "辣椒酱三瓶装");
        expected.put("zh-Hans", "辣椒酱三瓶装");
        expected.put("zh-Hans-CN", "辣椒酱三瓶装");
        expected.put("fr-FR", "Trio de sauces pimentées");
        expected.put("fr;q=0.4, zh;q=0.8", "辣椒酱三瓶装");
        expected.put("de, fr;q=0.5, zh-CN;q=0.5", "Trio de sauces pimentées");
        expected.put("zh-CN;q=0, fr;q=0.1", "Trio de sauces pimentées");
        expected.put("*", "Chili sauce trio");
        expected.put("*;q=0", "Chili sauce trio");
        expected.put("zh-TW", "Chili sauce trio");
        expected.put("ja, de", "Chili sauce trio");
        expected.put("zh-CN;q=5", "Chili sauce trio");
        expected.put("zh-CN;;;", "Chili sauce trio");
        expected.put("@@@", "Chili sauce trio");
        expected.forEach((header, name) -> read(path, header)
                .then()
                .statusCode(200)
                .header("Vary", containsString("Accept-Language"))
                .body("name", equalTo(name)));

        // ?lang= comes before Accept-Language; an unsupported one serves the source text.
        anonymous()
                .header("Accept-Language", "zh-CN")
                .get(path + "?lang=fr")
                .then()
                .body("name", equalTo("Trio de sauces pimentées"))
                .header("Content-Language", "fr");
        anonymous()
                .header("Accept-Language", "zh-CN")
                .get(path + "?lang=de")
                .then()
                .statusCode(200)
                .body("name", equalTo("Chili sauce trio"))
                .body("lang", equalTo("en"))
                .header("Content-Language", "en");
        anonymous().get(path + "?lang=zh").then().statusCode(200).body("name", equalTo("辣椒酱三瓶装"));
    }

    @Test
    void writingATranslationChecksLanguageTextAndTheEditor() {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        String product = productOf(coop, "Purple sticky rice, 1 kg", "Heirloom glutinous rice.");
        String path = "/api/products/" + product + "/translations/";

        as(staff)
                .body(Map.of("name", "Riz"))
                .put(path + "de")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo("https://originlive.org/problems/unsupported-language"))
                .body("violations[0].field", equalTo("lang"));
        // Only exact supported tags are written: zh and fr-FR are for reading.
        as(staff)
                .body(Map.of("name", "紫糯米"))
                .put(path + "zh")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://originlive.org/problems/unsupported-language"));
        as(staff).body(Map.of("name", "Riz")).put(path + "fr-FR").then().statusCode(422);
        // The source language is edited on the product itself.
        as(staff)
                .body(Map.of("name", "Rice"))
                .put(path + "en")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://originlive.org/problems/validation"))
                .body("violations[0].field", equalTo("lang"));
        as(staff).body(Map.of()).put(path + "fr").then().statusCode(422).contentType(PROBLEM);
        as(staff)
                .body(Map.of("name", "   "))
                .put(path + "fr")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("name"));
        as(staff)
                .body(Map.of("name", "x".repeat(201)))
                .put(path + "fr")
                .then()
                .statusCode(422)
                .body("violations[0].field", containsString("name"));
        as(staff)
                .body(Map.of("name", "Riz\nviolet"))
                .put(path + "fr")
                .then()
                .statusCode(422)
                .contentType(PROBLEM);
        as(staff)
                .body(Map.of("description", "Riz gluant\nrécolté à la main."))
                .put(path + "fr")
                .then()
                .statusCode(200);
        as(staff)
                .body(Map.of("name", 12))
                .put(path + "fr")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        as(staff).body("{\"name\": ").put(path + "fr").then().statusCode(400).contentType(PROBLEM);

        // Who may edit the product may translate it; nobody else.
        Map<String, String> body = Map.of("name", "Riz gluant violet, 1 kg");
        anonymous().body(body).put(path + "fr").then().statusCode(401).contentType(PROBLEM);
        as(Api.consumer()).body(body).put(path + "fr").then().statusCode(403).contentType(PROBLEM);
        as(Api.host()).body(body).put(path + "fr").then().statusCode(403).contentType(PROBLEM);
        as(Api.cooperativeStaff(Api.cooperative()))
                .body(body)
                .put(path + "fr")
                .then()
                .statusCode(403)
                .body("type", equalTo("https://originlive.org/problems/forbidden"));
        as(Api.admin()).body(body).put(path + "fr").then().statusCode(200);
        as(staff)
                .body(body)
                .put("/api/products/" + java.util.UUID.randomUUID() + "/translations/fr")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as(staff)
                .body(body)
                .put("/api/products/not-a-uuid/translations/fr")
                .then()
                .statusCode(404);

        // Nothing refused was stored: only fr exists, with the admin's name.
        anonymous()
                .get("/api/products/" + product + "/translations")
                .then()
                .statusCode(200)
                .body("productId", equalTo(product))
                .body("sourceLang", equalTo("en"))
                .body("translations.lang", equalTo(List.of("fr")))
                .body("translations[0].name", equalTo("Riz gluant violet, 1 kg"))
                .body("translations[0].description", nullValue());
    }

    @Test
    void anObjectWrittenInAnotherLanguageHasItAsSource() {
        String coop = Api.cooperative();
        Map<String, Object> body = new HashMap<>(Api.productBody(Api.unique("SKU"), 500, 5));
        body.put("name", "Café de Kivu");
        body.put("sourceLang", "fr");
        String product = as(Api.admin())
                .body(body)
                .post("/api/cooperatives/" + coop + "/products")
                .then()
                .statusCode(201)
                .body("sourceLang", equalTo("fr"))
                .body("lang", equalTo("fr"))
                .extract()
                .path("id");
        String path = "/api/products/" + product;
        as(Api.admin())
                .body(Map.of("name", "Kivu coffee"))
                .put(path + "/translations/fr")
                .then()
                .statusCode(422);
        translate(Api.admin(), path + "/translations/en", Map.of("name", "Kivu coffee"));
        read(path, "en-GB")
                .then()
                .header("Content-Language", "en")
                .body("name", equalTo("Kivu coffee"))
                .body("lang", equalTo("en"));
        read(path, null)
                .then()
                .header("Content-Language", "fr")
                .body("name", equalTo("Café de Kivu"))
                .body("lang", equalTo("fr"));
        read(path, "zh-CN").then().header("Content-Language", "fr").body("name", equalTo("Café de Kivu"));

        body.put("sku", Api.unique("SKU"));
        body.put("sourceLang", "xx");
        as(Api.admin())
                .body(body)
                .post("/api/cooperatives/" + coop + "/products")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("sourceLang"));
    }

    @Test
    void aStorefrontAndItsListsComeInTheBuyersLanguage() {
        String slug = Api.unique("coop");
        String coop = Api.cooperativeWithSlug(slug);
        String staff = Api.cooperativeStaff(coop);
        String translated = productOf(coop, "A coffee", "Washed.");
        String untranslated = productOf(coop, "B chili", "Hot.");
        translate(staff, "/api/products/" + translated + "/translations/zh-CN", Map.of("name", "咖啡"));
        translate(staff, "/api/cooperatives/" + coop + "/translations/zh-CN", Map.of("story", "种植辣椒的农户。"));

        read("/api/storefronts/" + slug, "zh-CN,en;q=0.5")
                .then()
                .statusCode(200)
                .header("Content-Language", "zh-CN, en")
                .header("Vary", containsString("Accept-Language"))
                .body("cooperative.story", equalTo("种植辣椒的农户。"))
                .body("cooperative.lang", equalTo("zh-CN"))
                .body("cooperative.sourceLang", equalTo("en"))
                .body("products.name", equalTo(List.of("咖啡", "B chili")))
                .body("products.lang", equalTo(List.of("zh-CN", "en")));
        read("/api/storefronts/" + slug, null)
                .then()
                .header("Content-Language", "en")
                .body("cooperative.story", equalTo("Chili growers"))
                .body("products.name", equalTo(List.of("A coffee", "B chili")));

        read("/api/products?cooperativeId=" + coop, "zh-CN")
                .then()
                .statusCode(200)
                .header("Content-Language", "zh-CN, en")
                .header("Vary", containsString("Accept-Language"))
                .body("items.name", equalTo(List.of("咖啡", "B chili")))
                .body("total", equalTo(2));

        Map<String, Object> listed = cooperativeInList(coop, "zh-CN");
        assertThat(listed).containsEntry("story", "种植辣椒的农户。").containsEntry("lang", "zh-CN");
        assertThat(cooperativeInList(coop, "fr"))
                .containsEntry("story", "Chili growers")
                .containsEntry("lang", "en");
        assertThat(untranslated).isNotBlank();
    }

    @Test
    void aStoryIsTranslatedByItsCooperativeOrAnAdmin() {
        String coop = Api.cooperative();
        String path = "/api/cooperatives/" + coop + "/translations/";
        Map<String, String> story = Map.of("story", "Des producteurs de piment.\nDepuis 2012.");
        as(Api.cooperativeStaff(coop))
                .body(story)
                .put(path + "fr")
                .then()
                .statusCode(200)
                .body("lang", equalTo("fr"))
                .body("story", equalTo("Des producteurs de piment.\nDepuis 2012."));
        as(Api.admin())
                .body(Map.of("story", "Abahinzi b'urusenda."))
                .put(path + "rw")
                .then()
                .statusCode(200);
        as(Api.cooperativeStaff(Api.cooperative()))
                .body(story)
                .put(path + "fr")
                .then()
                .statusCode(403);
        as(Api.host()).body(story).put(path + "fr").then().statusCode(403);
        anonymous().body(story).put(path + "fr").then().statusCode(401);
        as(Api.admin())
                .body(story)
                .put(path + "xx-YY")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://originlive.org/problems/unsupported-language"));
        as(Api.admin()).body(story).put(path + "en").then().statusCode(422);
        as(Api.admin()).body(Map.of("story", "")).put(path + "fr").then().statusCode(422);
        as(Api.admin())
                .body(story)
                .put("/api/cooperatives/" + java.util.UUID.randomUUID() + "/translations/fr")
                .then()
                .statusCode(404);

        anonymous()
                .get("/api/cooperatives/" + coop + "/translations")
                .then()
                .statusCode(200)
                .body("translations.lang", equalTo(List.of("fr", "rw")));
    }

    /** The cooperative's entry in the public list, read in the given language (the list is paged by name). */
    private static Map<String, Object> cooperativeInList(String id, String acceptLanguage) {
        for (int page = 0; page < 100; page++) {
            Response response = read("/api/cooperatives?size=100&page=" + page, acceptLanguage);
            response.then().statusCode(200).header("Vary", containsString("Accept-Language"));
            List<Map<String, Object>> items = response.path("items");
            for (Map<String, Object> item : items) {
                if (id.equals(item.get("id"))) {
                    assertThat(response.header("Content-Language")).contains((String) item.get("lang"));
                    return item;
                }
            }
            if (items.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("Cooperative " + id + " is not listed");
    }

    @Test
    void racingFirstTranslationsIntoOneLanguageAllSucceedAndLeaveOneRow() throws Exception {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        String product = productOf(coop, "Kivu honey, 500 g", "Forest honey.");

        List<Response> answers = Concurrently.repeat(8, () -> as(staff)
                .body(Map.of("name", "Miel du Kivu, 500 g"))
                .put("/api/products/" + product + "/translations/fr"));

        assertThat(answers).extracting(Response::statusCode).containsOnly(200);
        anonymous()
                .get("/api/products/" + product + "/translations")
                .then()
                .statusCode(200)
                .body("translations.lang", equalTo(List.of("fr")))
                .body("translations[0].name", equalTo("Miel du Kivu, 500 g"));
    }
}
