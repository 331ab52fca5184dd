package org.originlive.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.RestResponse;
import org.originlive.common.Problem;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;

/** The supported languages: choosing one for a read, checking one for a write, labelling a response. */
@ApplicationScoped
public class Languages {

    /** Longer Accept-Language headers are ignored (treated as absent), as malformed ones are. */
    public static final int ACCEPT_LANGUAGE_MAX = 1000;

    /** The language of an object's own text when its creator does not say. */
    public static final String DEFAULT_SOURCE = "en";

    private final LanguageChooser chooser;

    Languages(I18nConfig config) {
        this.chooser = new LanguageChooser(config.languages().stream()
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .toList());
    }

    /** The language of a public read: {@code ?lang=}, else {@code Accept-Language}, else the source text. */
    public Lang choose(String langParam, String acceptLanguage) {
        if (acceptLanguage != null && acceptLanguage.length() > ACCEPT_LANGUAGE_MAX) {
            acceptLanguage = null; // malformed by length: as if absent
        }
        return chooser.choose(langParam, acceptLanguage).map(Lang::new).orElse(Lang.SOURCE);
    }

    /** A supported tag given exactly (any case), spelled as configured; 422 unsupported-language otherwise. */
    public String require(String field, String tag) {
        return chooser.exact(tag)
                .orElseThrow(() -> new ProblemException(
                        ProblemType.UNSUPPORTED_LANGUAGE,
                        field + ": '" + tag + "' is not one of the supported languages " + chooser.supported(),
                        List.of(new Problem.Violation(field, "must be one of " + chooser.supported()))));
    }

    /** The source language of a new object: the given one (checked) or {@link #DEFAULT_SOURCE}. */
    public String sourceLang(String given) {
        return given == null ? DEFAULT_SOURCE : require("sourceLang", given);
    }

    /**
     * A public read's response: {@code Content-Language} names the languages its objects were served
     * in (the asked-for one, or the source when it held none), and caches vary on Accept-Language.
     */
    public static <T> RestResponse<T> served(T entity, Lang asked, Stream<String> servedIn) {
        String languages = servedIn.filter(Objects::nonNull).distinct().collect(Collectors.joining(", "));
        if (languages.isEmpty()) {
            languages = asked.isSource() ? DEFAULT_SOURCE : asked.tag();
        }
        return RestResponse.ResponseBuilder.ok(entity)
                .header("Content-Language", languages)
                .header("Vary", "Accept-Language")
                .build();
    }
}
