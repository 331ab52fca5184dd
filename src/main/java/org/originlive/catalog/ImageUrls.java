package org.originlive.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.originlive.common.ProblemException;

/** Product photos: absolute https URLs only, so pages never load mixed or script content. */
final class ImageUrls {

    static final int MAX_LENGTH = 2000;

    private ImageUrls() {}

    /** A PATCH value: JSON null clears the photo, a string is checked, anything else is 400. */
    static String checked(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ProblemException.badRequest("imageUrl must be a string or null");
        }
        return checked(value.textValue());
    }

    /** The URL if it is an https URL with a host, null for null; 422 otherwise. */
    static String checked(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.trim();
        // Printable ASCII only: international names arrive punycoded and percent-encoded.
        if (!trimmed.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ProblemException.invalid(
                    "imageUrl", "must be an https URL in printable ASCII (percent-encode the rest)");
        }
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
            throw ProblemException.invalid("imageUrl", "must be an https URL of at most " + MAX_LENGTH + " characters");
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw ProblemException.invalid("imageUrl", "must be an https URL with a host (no credentials)");
            }
            return trimmed;
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("imageUrl", "is not a valid URL");
        }
    }
}
