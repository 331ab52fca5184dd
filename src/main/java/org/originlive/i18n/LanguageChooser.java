package org.originlive.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Locale.LanguageRange;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Picks the language of a read from {@code ?lang=} and {@code Accept-Language} (RFC 9110 §12.5.4,
 * matched as RFC 4647 lookup against the supported tags); pure, so every rule is unit-tested.
 * A result of empty means "the source text". The header's weights and order come from
 * {@link LanguageRange#parse}; the mapping rules (no Traditional Chinese for {@code zh-CN},
 * {@code q=0} exclusions) are ours.
 */
public final class LanguageChooser {

    private static final Pattern RANGE = Pattern.compile("\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    // RFC 9110 syntax of one element, which LanguageRange.parse is laxer about (it drops inner
    // spaces, so "zh-CN fr" would become "zh-cnfr", and takes any decimal weight).
    private static final Pattern ELEMENT = Pattern.compile(
            "(\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)[ \\t]*(;[ \\t]*[qQ]=(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?))?");
    // Traditional-script requests are not served the Simplified text just because both are "zh".
    private static final Pattern TRADITIONAL = Pattern.compile("zh-(hant|tw|hk|mo)(-.*)?");
    private static final int MAX_RANGES = 64;

    private final List<String> supported;

    public LanguageChooser(List<String> supported) {
        this.supported = List.copyOf(supported);
    }

    /** The supported tag a read should be served in, or empty for the source text. */
    public Optional<String> choose(String langParam, String acceptLanguage) {
        if (langParam != null && !langParam.isEmpty()) {
            return lookup(langParam.toLowerCase(Locale.ROOT));
        }
        List<LanguageRange> ranges = parse(acceptLanguage);
        return ranges == null ? Optional.empty() : choose(ranges);
    }

    /** The supported tag spelled as configured, for a tag given exactly (in any case); for writes. */
    public Optional<String> exact(String tag) {
        return supported.stream().filter(s -> s.equalsIgnoreCase(tag)).findFirst();
    }

    public List<String> supported() {
        return supported;
    }

    /** The first range, by weight and then the client's order, with a supported, not excluded match. */
    private Optional<String> choose(List<LanguageRange> ranges) {
        for (LanguageRange range : ranges) {
            if (range.getWeight() == 0 || range.getRange().equals("*")) {
                return Optional.empty(); // the rest weigh no more, or the client takes any language
            }
            Optional<String> match = lookup(range.getRange());
            if (match.isPresent() && !excluded(ranges, range, match.get())) {
                return match;
            }
        }
        return Optional.empty();
    }

    /** A {@code q=0} range excludes its match unless the wanted range is more specific than it. */
    private boolean excluded(List<LanguageRange> ranges, LanguageRange wanted, String match) {
        int specificity = subtags(wanted.getRange());
        return ranges.stream()
                .filter(r -> r.getWeight() == 0 && !r.getRange().equals("*"))
                .filter(r -> subtags(r.getRange()) >= specificity)
                .anyMatch(r -> lookup(r.getRange()).filter(match::equals).isPresent());
    }

    /** RFC 4647 lookup: the range, then shorter prefixes of it, each as a tag or a tag's prefix. */
    Optional<String> lookup(String range) {
        if (!RANGE.matcher(range).matches()
                || range.equals("*")
                || TRADITIONAL.matcher(range).matches()) {
            return Optional.empty();
        }
        String candidate = range;
        while (true) {
            String prefix = candidate;
            Optional<String> exact = exact(prefix);
            if (exact.isPresent()) {
                return exact;
            }
            Optional<String> longer = supported.stream()
                    .filter(s -> s.toLowerCase(Locale.ROOT).startsWith(prefix + "-"))
                    .findFirst();
            if (longer.isPresent()) {
                return longer;
            }
            int cut = candidate.lastIndexOf('-');
            if (cut < 0) {
                return Optional.empty();
            }
            candidate = candidate.substring(0, cut);
        }
    }

    /**
     * The header's ranges by weight, equal weights in the client's order; null when it is absent or
     * malformed (a malformed header is ignored, never an error).
     */
    static List<LanguageRange> parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        List<String> elements = new ArrayList<>();
        for (String element : header.split(",", -1)) {
            String trimmed = element.strip();
            if (trimmed.isEmpty()) {
                continue; // RFC 9110 §5.6.1: empty list elements are ignored
            }
            if (!ELEMENT.matcher(trimmed).matches() || elements.size() == MAX_RANGES) {
                return null;
            }
            elements.add(trimmed);
        }
        if (elements.isEmpty()) {
            return null;
        }
        try {
            return LanguageRange.parse(String.join(",", elements));
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static int subtags(String range) {
        return range.split("-").length;
    }
}
