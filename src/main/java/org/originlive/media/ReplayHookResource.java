package org.originlive.media;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.originlive.common.ProblemException;

/**
 * The engine's recorder (nginx-rtmp's on_publish and on_record_done of application {@code rec})
 * and the replay worker beside the engine (claim, done, failed). Same secret as the other
 * callbacks; nothing here is routed from outside.
 */
@Path("/api/media/hooks")
@Tag(name = "Media engine callbacks", description = "Called by the media engine only; not routed from outside")
@PermitAll
public class ReplayHookResource {

    private static final String ENGINE_PATTERN = HookGuard.ENGINE_PATTERN;
    private static final String SECONDS = "[0-9]{1,9}(?:\\.[0-9]{1,6})?";
    private static final Pattern MEASURED = Pattern.compile("([0-9a-f-]{36})=(" + SECONDS + ")(?:,(" + SECONDS + "))?");
    private static final int MAX_OUTPUTS = 10_000;
    private static final String STORAGE_DOC =
            "Which storage the recordings and replays are on (engines sharing a folder share it); absent: the engine";

    private final Recordings recordings;
    private final ReplayJobs jobs;
    private final HookGuard hooks;

    ReplayHookResource(Recordings recordings, ReplayJobs jobs, HookGuard hooks) {
        this.recordings = recordings;
        this.jobs = jobs;
        this.hooks = hooks;
    }

    @POST
    @Path("/on_record_start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "May the recorder record this stream? Only the sale's publisher, while the sale is LIVE")
    @APIResponse(responseCode = "204", description = "Record it")
    @APIResponse(responseCode = "403", description = "forbidden: wrong secret; publish-refused: not live (retried)")
    public Uni<Void> onRecordStart(
            @jakarta.ws.rs.BeanParam HookCall caller,
            @QueryParam("storage") @Parameter(description = STORAGE_DOC, schema = @Schema(pattern = ENGINE_PATTERN))
                    String storage,
            @FormParam("name") @Schema(maxLength = 100, description = "The stream's name (sale id + random part)")
                    String name,
            @FormParam("clientid") @Schema(pattern = HookGuard.CLIENT_PATTERN, description = HookGuard.CLIENT_DOC)
                    String clientId) {
        hooks.check(caller.secret, caller.engine);
        String engine = hooks.engine(caller.engine);
        return recordings.start(name, engine, storage(storage, engine), HookGuard.client(clientId));
    }

    @POST
    @Path("/on_record_done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The recorder closed a file")
    @APIResponse(responseCode = "204", description = "Noted")
    @APIResponse(responseCode = "403", description = "forbidden: wrong secret")
    public Uni<Void> onRecordDone(
            @jakarta.ws.rs.BeanParam HookCall caller,
            @FormParam("path") @Schema(maxLength = 1000, description = "The file the engine wrote") String path,
            @FormParam("clientid") @Schema(pattern = HookGuard.CLIENT_PATTERN, description = HookGuard.CLIENT_DOC)
                    String clientId) {
        hooks.check(caller.secret, caller.engine);
        return recordings.done(path, hooks.engine(caller.engine), HookGuard.client(clientId));
    }

    @POST
    @Path("/replay-jobs/claim")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The replay worker takes the next job of its engine (lines: job, kind, sale, segment…, clip…)")
    @APIResponse(
            responseCode = "200",
            description = "A job, held for the lease",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(maxLength = 1_000_000)))
    @APIResponse(responseCode = "204", description = "Nothing due")
    @APIResponse(responseCode = "403", description = "forbidden: wrong secret")
    public Uni<Response> claim(
            @jakarta.ws.rs.BeanParam HookCall caller,
            @QueryParam("storage") @Parameter(description = STORAGE_DOC, schema = @Schema(pattern = ENGINE_PATTERN))
                    String storage) {
        hooks.check(caller.secret, caller.engine);
        return jobs.claim(storage(storage, hooks.engine(caller.engine)))
                .map(job -> job.map(text -> Response.ok(text, MediaType.TEXT_PLAIN))
                        .orElseGet(Response::noContent)
                        .build());
    }

    @POST
    @Path("/replay-jobs/{claim}/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The worker made (or deleted) the replay of its claim")
    @APIResponse(responseCode = "204", description = "READY (or gone); once per replay")
    @APIResponse(responseCode = "400", description = "bad-request: unreadable measurements")
    @APIResponse(responseCode = "403", description = "forbidden: wrong secret")
    @APIResponse(responseCode = "409", description = "illegal-transition: the claim was lost (lease over)")
    public Uni<Void> done(
            @jakarta.ws.rs.BeanParam HookCall caller,
            UUID claim,
            @FormParam("duration") @Schema(pattern = SECONDS, maxLength = 20, description = "The replay's seconds")
                    String duration,
            @FormParam("segment")
                    @Schema(
                            description = "<recording id>=<seconds>, one per recording",
                            maxItems = MAX_OUTPUTS,
                            implementation = Measurement[].class)
                    List<String> segments,
            @FormParam("clip")
                    @Schema(
                            description = "<highlight id>=<start>,<seconds>, one per clip cut",
                            maxItems = MAX_OUTPUTS,
                            implementation = Measurement[].class)
                    List<String> clips) {
        hooks.check(caller.secret, caller.engine);
        Double seconds = duration == null ? null : number(duration);
        return jobs.done(claim, seconds, measured(segments), measured(clips));
    }

    @POST
    @Path("/replay-jobs/{claim}/failed")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The worker could not make its job; it is tried again later")
    @APIResponse(responseCode = "204", description = "Let go; retried with back-off")
    @APIResponse(responseCode = "403", description = "forbidden: wrong secret")
    @APIResponse(responseCode = "409", description = "illegal-transition: the claim was lost")
    public Uni<Void> failed(
            @jakarta.ws.rs.BeanParam HookCall caller,
            UUID claim,
            @FormParam("reason") @Schema(maxLength = 2000, description = "What went wrong (logged)") String reason) {
        hooks.check(caller.secret, caller.engine);
        String why = reason == null ? "" : reason.substring(0, Math.min(reason.length(), 400));
        return jobs.failed(claim, why.replaceAll("secret=[^&\\s]*", "secret=***"));
    }

    /** One measurement as the worker sends it. */
    @Schema(
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
            maxLength = 80,
            pattern = "[0-9a-f-]{36}=[0-9.]+(,[0-9.]+)?")
    private static final class Measurement {}

    private static String storage(String given, String engine) {
        if (given == null) {
            return engine;
        }
        if (!given.matches(ENGINE_PATTERN)) {
            throw ProblemException.forbidden("Only the media engine may call this");
        }
        return given;
    }

    private static List<ReplayRepository.Measured> measured(List<String> given) {
        List<ReplayRepository.Measured> all = new ArrayList<>();
        if (given == null) {
            return all;
        }
        if (given.size() > MAX_OUTPUTS) {
            throw ProblemException.badRequest("Too many measurements");
        }
        for (String one : given) {
            Matcher m = MEASURED.matcher(one);
            if (!m.matches()) {
                throw ProblemException.badRequest("Unreadable measurement: <id>=<seconds>[,<seconds>] expected");
            }
            double first = number(m.group(2));
            all.add(
                    m.group(3) == null
                            ? new ReplayRepository.Measured(UUID.fromString(m.group(1)), 0, first)
                            : new ReplayRepository.Measured(UUID.fromString(m.group(1)), first, number(m.group(3))));
        }
        return all;
    }

    private static double number(String text) {
        if (!text.matches(SECONDS)) {
            throw ProblemException.badRequest(
                    "Seconds expected, not " + text.substring(0, Math.min(20, text.length())));
        }
        return Double.parseDouble(text);
    }
}
