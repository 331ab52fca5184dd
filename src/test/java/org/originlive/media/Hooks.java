package org.originlive.media;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Calls the media engine's callbacks as nginx-rtmp does: form posts with the secret in the query. */
final class Hooks {

    private final String secret;
    private final String engine;

    Hooks(String secret, String engine) {
        this.secret = secret;
        this.engine = engine;
    }

    Response publish(String key, String clientId) {
        return call("on_publish", "publish", key, clientId);
    }

    Response publishDone(String key, String clientId) {
        return call("on_publish_done", "publish_done", key, clientId);
    }

    Response update(String key, String clientId) {
        return call("on_update", "update_publish", key, clientId);
    }

    Response call(String hook, String call, String name, String clientId) {
        return given().redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .queryParam("secret", secret)
                .queryParam("engine", engine)
                .formParam("call", call)
                .formParam("app", "live")
                .formParam("name", name)
                .formParam("addr", "127.0.0.1")
                .formParam("clientid", clientId)
                .formParam("tcurl", "rtmp://localhost/live")
                .post("/api/media/hooks/" + hook);
    }

    /** The recorder's on_publish (application rec) for a stream the ingest callback named. */
    Response recordStart(String streamName, String clientId) {
        return call("on_record_start", "publish", streamName, clientId);
    }

    Response recordDone(String streamName, String clientId, String path) {
        return given().contentType(ContentType.URLENC)
                .queryParam("secret", secret)
                .queryParam("engine", engine)
                .formParam("call", "record_done")
                .formParam("app", "rec")
                .formParam("name", streamName)
                .formParam("clientid", clientId)
                .formParam("recorder", "")
                .formParam("path", path)
                .post("/api/media/hooks/on_record_done");
    }

    /** A replay worker of this engine asks for a job. */
    Response claim() {
        return given().queryParam("secret", secret)
                .queryParam("engine", engine)
                .post("/api/media/hooks/replay-jobs/claim");
    }

    Response jobDone(String claim, java.util.Map<String, ?> form) {
        return given().contentType(ContentType.URLENC)
                .queryParam("secret", secret)
                .queryParam("engine", engine)
                .formParams(form)
                .post("/api/media/hooks/replay-jobs/" + claim + "/done");
    }

    String engine() {
        return engine;
    }

    String secret() {
        return secret;
    }

    Hooks withSecret(String other) {
        return new Hooks(other, engine);
    }
}
