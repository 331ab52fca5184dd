package org.originlive.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON text value that breaks {@link SafeText}: answered 422 with the field's path. */
public final class UnsafeTextException extends MismatchedInputException {

    private final String reason;

    UnsafeTextException(JsonParser parser, String reason) {
        super(parser, reason, String.class);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
