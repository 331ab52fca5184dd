package org.originlive;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the tables a class's SQL names, from its Java source: the string literals (comments
 * skipped) joined into one text, then every word after FROM, JOIN, UPDATE or INTO, less the
 * names the text gives its own CTEs. A keyword followed by a keyword (a table name left to a
 * variable) yields the second keyword, and the scan goes on from there. Which of those words are tables is the caller's business.
 */
final class SqlTables {

    private static final Pattern NAMED = Pattern.compile("(?i)\\b(?:FROM|JOIN|UPDATE|INTO)\\s+(?=([a-z_][a-z0-9_]*))");
    private static final Pattern CTE =
            Pattern.compile("(?i)(?:\\bWITH(?:\\s+RECURSIVE)?|,)\\s*([a-z_][a-z0-9_]*)\\s+AS\\s*\\(");
    private static final Pattern WRITES = Pattern.compile(
            "(?i)\\bINSERT\\s+INTO\\b|\\bDELETE\\s+FROM\\b|\\bUPDATE\\s+[a-z_][a-z0-9_]*\\s+SET\\b|\\bTRUNCATE\\b");

    private SqlTables() {}

    /** The words the SQL reads or writes as tables, in order of first mention, CTE names left out. */
    static Set<String> named(String sql) {
        Set<String> ctes = new LinkedHashSet<>();
        Matcher cte = CTE.matcher(sql);
        while (cte.find()) {
            ctes.add(cte.group(1).toLowerCase());
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAMED.matcher(sql);
        while (m.find()) {
            String name = m.group(1).toLowerCase();
            if (!ctes.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** True when the SQL inserts, updates, deletes or truncates. */
    static boolean writes(String sql) {
        return WRITES.matcher(sql).find();
    }

    /** The string literals of a Java source (text blocks included), joined by spaces. */
    static String literals(String source) {
        List<String> found = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = endOf(source, "\n", i + 2);
            } else if (source.startsWith("/*", i)) {
                i = endOf(source, "*/", i + 2);
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                found.add(source.substring(i + 3, end));
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int end = closing(source, c, i + 1);
                if (c == '"') {
                    found.add(source.substring(i + 1, end));
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return String.join(" ", found);
    }

    private static int endOf(String source, String marker, int from) {
        int end = source.indexOf(marker, from);
        return end < 0 ? source.length() : end + marker.length();
    }

    private static int closing(String source, char quote, int from) {
        int i = from;
        while (source.charAt(i) != quote) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }
}
