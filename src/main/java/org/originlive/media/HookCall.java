package org.originlive.media;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Who calls a media callback: the shared secret and the engine's name, in the query (nginx-rtmp sends no headers). */
public class HookCall {

    @QueryParam("secret")
    @Parameter(description = HookGuard.SECRET_DOC, schema = @Schema(maxLength = HookGuard.SECRET_MAX))
    String secret;

    @QueryParam("engine")
    @Parameter(description = HookGuard.ENGINE_DOC, schema = @Schema(pattern = HookGuard.ENGINE_PATTERN))
    String engine;
}
