package org.originlive.i18n;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Picks the language of a read from {@code ?lang=} and {@code Accept-Language} (RFC 9110 §12.5.4,
 * matched as RFC 4647 lookup against the supported tags); pure, so every rule is unit-tested.
 * A result of empty means "the source text".
 */
public final class LanguageChooser {

    private static final Pattern RANGE = Pattern.compile("\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern WEIGHT = Pattern.compile("[qQ]=(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?)");
    // Traditional-script requests are not served the Simplified text just because both are "zh".
    private static final Pattern TRADITIONAL = Pattern.compile("zh-(hant|tw|hk|mo)(-.*)?");
    private static final int MAX_RANGES = 64;

    /** One element of Accept-Language: a range (lower case) and its weight in thousandths. */
    record Range(String range, int weight) {}

    private final List<String> supported;

    public LanguageChooser(List<String> supported) {
        this.supported = List.copyOf(supported);
    }

    /** The supported tag a read should be served in, or empty for the source text. */
    public Optional<String> choose(String langParam, String acceptLanguage) {
        if (langParam != null && !langParam.isEmpty()) {
            return lookup(langParam.toLowerCase(Locale.ROOT));
        }
        List<Range> ranges = parse(acceptLanguage);
        return ranges == null ? Optional.empty() : choose(ranges);
    }

    /** The supported tag spelled as configured, for a tag given exactly (in any case); for writes. */
    public Optional<String> exact(String tag) {
        return supported.stream().filter(s -> s.equalsIgnoreCase(tag)).findFirst();
    }

    public List<String> supported() {
        return supported;
    }

    private Optional<String> choose(List<Range> ranges) {
        List<Range> wanted =
                new ArrayList<>(ranges.stream().filter(r -> r.weight() > 0).toList());
        // List.sort is stable: equal weights keep the client's order.
        wanted.sort(Comparator.comparingInt(Range::weight).reversed());
        for (Range range : wanted) {
            if (range.range().equals("*")) {
                return Optional.empty();
            }
            Optional<String> match = lookup(range.range());
            if (match.isPresent() && !excluded(ranges, range, match.get())) {
                return match;
            }
        }
        return Optional.empty();
    }

    /** A {@code q=0} range excludes its match unless the wanted range is more specific than it. */
    private boolean excluded(List<Range> ranges, Range wanted, String match) {
        int specificity = subtags(wanted.range());
        return ranges.stream()
                .filter(r -> r.weight() == 0 && !r.range().equals("*"))
                .filter(r -> subtags(r.range()) >= specificity)
                .anyMatch(r -> lookup(r.range()).filter(match::equals).isPresent());
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

    /** The header's ranges in the client's order, or null when it is absent or malformed. */
    static List<Range> parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        List<Range> ranges = new ArrayList<>();
        for (String element : header.split(",", -1)) {
            String trimmed = element.strip();
            if (trimmed.isEmpty()) {
                continue; // RFC 9110 §5.6.1: empty list elements are ignored
            }
            Range range = range(trimmed);
            if (range == null || ranges.size() == MAX_RANGES) {
                return null;
            }
            ranges.add(range);
        }
        return ranges.isEmpty() ? null : ranges;
    }

    private static Range range(String element) {
        String[] parts = element.split(";", -1);
        String tag = parts[0].strip();
        if (parts.length > 2 || !RANGE.matcher(tag).matches()) {
            return null;
        }
        int weight = 1000;
        if (parts.length == 2) {
            String q = parts[1].strip();
            if (!WEIGHT.matcher(q).matches()) {
                return null;
            }
            weight = (int) Math.round(Double.parseDouble(q.substring(2)) * 1000);
        }
        return new Range(tag.toLowerCase(Locale.ROOT), weight);
    }

    private static int subtags(String range) {
        return range.split("-").length;
    }
}
