package org.originlive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Sizes that keep the code readable: no main source file over 250 lines and no method (or
 * constructor) over 40, counted from its declaration to its closing brace. Reads the sources as
 * the formatter lays them out (members indented one level deeper than their type).
 */
class SizeTest {

    static final int MAX_FILE_LINES = 250;
    static final int MAX_METHOD_LINES = 40;

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern TYPE =
            Pattern.compile("^\\s*(?:[\\w@]+\\s+)*(?:class|record|enum|interface|@interface)\\s+\\w+.*");
    private static final Pattern NOT_A_MEMBER = Pattern.compile("^\\s*(?:@|//|/\\*|\\*|return\\b|}).*");

    @Test
    void noSourceFileIsOver250Lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path file : sources()) {
            int lines = Files.readAllLines(file).size();
            if (lines > MAX_FILE_LINES) {
                tooLong.add(file + " (" + lines + " lines)");
            }
        }
        assertThat(tooLong).isEmpty();
    }

    @Test
    void noMethodIsOver40Lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = Files.readAllLines(file);
            for (int[] method : methods(lines)) {
                int length = method[1] - method[0] + 1;
                if (length > MAX_METHOD_LINES) {
                    tooLong.add(file + ":" + (method[0] + 1) + " "
                            + lines.get(method[0]).trim() + " (" + length + " lines)");
                }
            }
        }
        assertThat(tooLong).isEmpty();
    }

    @Test
    void theMethodCounterSeesMethodsOfNestedTypesAndNotRecordHeaders() {
        List<String> source = new ArrayList<>();
        source.add("public class Outer {");
        source.add("    public record Shape(");
        source.add("            int a,");
        source.add("            int b) {}");
        source.add("");
        source.add("    static final class Inner {");
        source.add("        void run(");
        source.add("                int x) {");
        source.add("            work();");
        source.add("        }");
        source.add("    }");
        source.add("");
        source.add("    Outer() {");
        source.add("        this(1);");
        source.add("    }");
        source.add("}");
        assertThat(methods(source).stream().map(m -> m[0] + "-" + m[1])).containsExactlyInAnyOrder("6-9", "12-14");
    }

    /** Start and end line (0-based, inclusive) of every method and constructor in a source file. */
    static List<int[]> methods(List<String> lines) {
        List<int[]> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!TYPE.matcher(line).matches() || line.trim().startsWith("*")) {
                continue;
            }
            int open = headerEnd(lines, i);
            if (open < 0 || !lines.get(open).stripTrailing().endsWith("{")) {
                continue;
            }
            String member = indent(line) + "    ";
            int end = closing(lines, open, indent(line));
            members(lines, open + 1, end, member, found);
        }
        return found;
    }

    private static void members(List<String> lines, int from, int to, String indent, List<int[]> found) {
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (!indent(line).equals(indent)
                    || NOT_A_MEMBER.matcher(line).matches()
                    || TYPE.matcher(line).matches()
                    || !line.contains("(")
                    || line.substring(0, line.indexOf('(')).contains("=")) {
                continue;
            }
            int open = headerEnd(lines, i);
            if (open >= 0 && lines.get(open).stripTrailing().endsWith("{")) {
                int end = closing(lines, open, indent);
                found.add(new int[] {i, end});
                i = end;
            }
        }
    }

    /** The line that ends a declaration's header: the first one ending in '{' or ';'. */
    private static int headerEnd(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String trimmed = lines.get(i).stripTrailing();
            if (trimmed.endsWith("{") || trimmed.endsWith(";") || trimmed.endsWith("{}")) {
                return trimmed.endsWith("{}") ? -1 : i;
            }
        }
        return -1;
    }

    private static int closing(List<String> lines, int open, String indent) {
        for (int i = open + 1; i < lines.size(); i++) {
            if (lines.get(i).equals(indent + "}") || lines.get(i).startsWith(indent + "} ")) {
                return i;
            }
        }
        return lines.size() - 1;
    }

    private static String indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return line.substring(0, n);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
