package org.originlive.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.originlive.common.PageRequest;

/**
 * Bounds the code holds values to, written into the schemas: the paging parameters, the shared
 * text parameters, Java's int and long ranges, and the longest text a bounded pattern allows.
 */
final class Bounds {

    private Bounds() {}

    /**
     * The paging parameters are parsed from text, but clients send integers within these bounds;
     * the shared text parameters get the limits the code holds them to.
     */
    static void describeParameter(Parameter parameter) {
        if (parameter.getSchema() == null) {
            return;
        }
        boundText(parameter);
        if (parameter.getIn() != Parameter.In.QUERY) {
            return;
        }
        if ("page".equals(parameter.getName())) {
            parameter.setSchema(integer(0, Integer.MAX_VALUE).defaultValue(0));
            parameter.setDescription("Zero-based page number");
        } else if ("size".equals(parameter.getName())) {
            parameter.setSchema(integer(1, PageRequest.MAX_SIZE).defaultValue(20));
            parameter.setDescription("Page size");
        }
    }

    /** Text parameters every feature shares: language tags, keys, currency codes, provider names, search. */
    private static void boundText(Parameter parameter) {
        Schema schema = parameter.getSchema();
        boolean text = schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING);
        if (!text || schema.getMaxLength() != null || schema.getEnumeration() != null || schema.getFormat() != null) {
            return;
        }
        switch (parameter.getName()) {
                // A BCP 47 tag; a read with an unknown or malformed one serves the source text.
            case "lang" -> schema.pattern("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8}){0,4}")
                    .maxLength(44);
                // Longer headers are ignored as malformed (the source text is served).
            case "Accept-Language" -> schema.maxLength(org.originlive.i18n.Languages.ACCEPT_LANGUAGE_MAX);
            case "Idempotency-Key" -> schema.pattern("[!-~]{1,64}").minLength(1).maxLength(64);
            case "from", "to" -> schema.pattern("[A-Z]{3}").maxLength(3);
            case "provider" -> schema.pattern("[A-Z_]{1,20}").maxLength(20);
            case "q" -> schema.maxLength(200);
            default -> {}
        }
    }

    static Schema integer(long min, long max) {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.INTEGER)
                .format("int32")
                .minimum(BigDecimal.valueOf(min))
                .maximum(BigDecimal.valueOf(max));
    }

    static void walk(Operation op) {
        if (op.getParameters() != null) {
            op.getParameters().forEach(p -> boundIntegers(p.getSchema()));
        }
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            op.getRequestBody().getContent().getMediaTypes().values().forEach(m -> boundIntegers(m.getSchema()));
        }
        op.getResponses().getAPIResponses().values().forEach(r -> {
            if (r.getContent() != null) {
                r.getContent().getMediaTypes().values().forEach(m -> boundIntegers(m.getSchema()));
            }
        });
    }

    /**
     * A Java int or long cannot leave its range, and a string that must match a pattern of bounded
     * repeats cannot be longer than the pattern allows; an explicit constraint, where there is one, wins.
     */
    static void boundIntegers(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getPattern() != null && schema.getMaxLength() == null) {
            Integer longest = longestMatch(schema.getPattern());
            if (longest != null) {
                schema.setMaxLength(longest);
            }
        }
        List<Schema.SchemaType> types = schema.getType();
        if (types != null && types.contains(Schema.SchemaType.INTEGER)) {
            boolean wide = "int64".equals(schema.getFormat());
            if (schema.getFormat() == null) {
                schema.setFormat("int64");
                wide = true;
            }
            if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                schema.setMinimum(BigDecimal.valueOf(wide ? Long.MIN_VALUE : Integer.MIN_VALUE));
            }
            if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(wide ? Long.MAX_VALUE : Integer.MAX_VALUE));
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(Bounds::boundIntegers);
        }
        boundIntegers(schema.getItems());
        for (List<Schema> group :
                new ArrayList<>(java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()))) {
            if (group != null) {
                group.forEach(Bounds::boundIntegers);
            }
        }
    }

    /**
     * The longest text a (fully matched) pattern of literals, escapes and character classes with
     * {@code ?}, {@code {n}} or {@code {m,n}} repeats can match; null when unbounded or too complex.
     */
    static Integer longestMatch(String pattern) {
        String p = pattern.startsWith("^") ? pattern.substring(1) : pattern;
        p = p.endsWith("$") && !p.endsWith("\\$") ? p.substring(0, p.length() - 1) : p;
        int total = 0;
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '[') {
                int close = p.indexOf(']', i + 2);
                if (close < 0) {
                    return null;
                }
                i = close + 1;
            } else if (c == '\\') {
                i += 2;
            } else if ("()|*+{}.".indexOf(c) >= 0) {
                return null;
            } else {
                i++;
            }
            int[] repeat = repeat(p, i);
            if (repeat == null) {
                return null;
            }
            i = repeat[1];
            total += repeat[0];
        }
        return total;
    }

    /** The most repeats of the atom before {@code i} and the index after them; null when unbounded. */
    private static int[] repeat(String p, int i) {
        if (i < p.length() && p.charAt(i) == '?') {
            return new int[] {1, i + 1};
        }
        if (i < p.length() && (p.charAt(i) == '*' || p.charAt(i) == '+')) {
            return null;
        }
        if (i >= p.length() || p.charAt(i) != '{') {
            return new int[] {1, i};
        }
        int close = p.indexOf('}', i);
        if (close < 0) {
            return null;
        }
        String[] bounds = p.substring(i + 1, close).split(",", -1);
        if (bounds.length > 2 || bounds[bounds.length - 1].isBlank()) {
            return null;
        }
        return new int[] {Integer.parseInt(bounds[bounds.length - 1].trim()), close + 1};
    }
}
