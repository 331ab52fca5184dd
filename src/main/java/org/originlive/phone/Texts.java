package org.originlive.phone;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SMS and USSD texts in the languages a cooperative may choose (resources
 * {@code phone/texts_<lang>.properties}, UTF-8), and the USSD screen limit: 182 characters in
 * GSM-7, 70 in UCS-2 (any character outside GSM-7's basic set, such as Amharic's).
 */
final class Texts {

    static final List<String> LANGUAGES = List.of("en", "fr", "rw", "am");

    static final int GSM7_SCREEN = 182;
    static final int UCS2_SCREEN = 70;

    private static final String GSM7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static final Map<String, Properties> TEXTS =
            LANGUAGES.stream().collect(Collectors.toMap(Function.identity(), Texts::load));

    private Texts() {}

    static String get(String language, String key, Object... args) {
        Properties texts = TEXTS.getOrDefault(language, TEXTS.get("en"));
        String pattern = texts.getProperty(key, TEXTS.get("en").getProperty(key));
        if (pattern == null) {
            throw new IllegalArgumentException("No text " + key);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(args);
    }

    /** The characters a USSD screen of this text may hold. */
    static int screenLimit(String text) {
        return text.chars().allMatch(c -> GSM7.indexOf(c) >= 0) ? GSM7_SCREEN : UCS2_SCREEN;
    }

    static boolean fits(String text) {
        return text.length() <= screenLimit(text);
    }

    /** The text cut to {@code max} characters, with an ellipsis when cut. */
    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + ".";
    }

    private static Properties load(String language) {
        String path = "phone/texts_" + language + ".properties";
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path);
            }
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
