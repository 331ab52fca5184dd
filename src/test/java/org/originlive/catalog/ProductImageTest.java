package org.originlive.catalog;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.originlive.support.Api.anonymous;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;

@QuarkusTest
class ProductImageTest {

    private static final String PHOTO = "https://img.example.org/coffee/sidama.jpg";

    private static Map<String, Object> withImage(Object url) {
        Map<String, Object> body = new HashMap<>(Api.productBody(Api.unique("IMG"), 500, 3));
        body.put("imageUrl", url);
        return body;
    }

    @Test
    void anHttpsPhotoIsSetShownAndCleared() {
        String slug = Api.unique("photos");
        String coop = Api.cooperativeWithSlug(slug);
        String staff = Api.cooperativeStaff(coop);
        String id = as(staff)
                .body(withImage(PHOTO))
                .post("/api/cooperatives/" + coop + "/products")
                .then()
                .statusCode(201)
                .body("imageUrl", equalTo(PHOTO))
                .extract()
                .path("id");
        anonymous().get("/api/storefronts/" + slug).then().statusCode(200).body("products.imageUrl", hasItem(PHOTO));

        String other = "https://img.example.org/coffee/natural.png";
        as(staff)
                .body(Map.of("imageUrl", other))
                .patch("/api/products/" + id)
                .then()
                .statusCode(200)
                .body("imageUrl", equalTo(other));
        as(staff)
                .body(Map.of("name", "Renamed"))
                .patch("/api/products/" + id)
                .then()
                .statusCode(200)
                .body("imageUrl", equalTo(other));
        as(staff)
                .body("{\"imageUrl\": null}")
                .patch("/api/products/" + id)
                .then()
                .statusCode(200)
                .body("imageUrl", nullValue());
        anonymous().get("/api/products/" + id).then().body("imageUrl", nullValue());
    }

    @Test
    void onlyHttpsUrlsOfAtMost2000CharactersAreTaken() {
        String coop = Api.cooperative();
        String admin = Api.admin();
        for (String bad : new String[] {
            "http://img.example.org/a.jpg",
            "javascript:alert(1)",
            "data:image/png;base64,iVBORw0KGgo=",
            "https://",
            "https://user:pw@img.example.org/a.jpg",
            "not a url",
            "https://img.example.org/\u202Egpj.exe",
            "https://img.example.org/" + "a".repeat(2000)
        }) {
            as(admin)
                    .body(withImage(bad))
                    .post("/api/cooperatives/" + coop + "/products")
                    .then()
                    .statusCode(422)
                    .body("type", endsWith("/validation"));
        }
        String id = Api.product(coop, 100, 1);
        as(admin)
                .body(Map.of("imageUrl", "javascript:alert(1)"))
                .patch("/api/products/" + id)
                .then()
                .statusCode(422);
        as(admin)
                .body(Map.of("imageUrl", 42))
                .patch("/api/products/" + id)
                .then()
                .statusCode(400);
    }
}
