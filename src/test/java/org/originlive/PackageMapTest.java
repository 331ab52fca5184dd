package org.originlive;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.originlive.common.OwnsTables;

/**
 * docs/architecture.md cannot drift from the code. Its package map (between the
 * {@code package-map} markers) has one line per package under {@code org.originlive}, naming every
 * package that package's classes use, no more and no fewer; its table of owners names the owner
 * of every {@code @OwnsTables} entry and lists nothing that is not owned. A new package means a
 * new line in the doc; a new arrow means adding it to its line.
 */
class PackageMapTest {

    private static final String ROOT = "org.originlive.";
    private static final Path DOC = Path.of("docs/architecture.md");
    private static final Pattern MAP_LINE = Pattern.compile("- `(\\w+)` → (.+)");
    private static final Pattern NAME = Pattern.compile("`([\\w.]+)`");
    private static final Pattern CHANNEL = Pattern.compile("NOTIFY `(\\w+)`");

    private static JavaClasses classes;
    private static String doc;

    @BeforeAll
    static void read() throws IOException {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.originlive");
        doc = Files.readString(DOC);
    }

    @Test
    void thePackageMapIsTheCodes() {
        assertThat(documentedMap())
                .as("docs/architecture.md package map vs the code")
                .isEqualTo(actualMap());
    }

    @Test
    void theTableOfOwnersIsTheCodes() {
        List<String[]> rows = ownerRows();
        Set<String> owned = new TreeSet<>();
        for (JavaClass owner : classes) {
            if (!owner.isAnnotatedWith(OwnsTables.class)) {
                continue;
            }
            String name = owner.getName().substring(ROOT.length());
            for (String table : owner.getAnnotationOfType(OwnsTables.class).value()) {
                owned.add(table);
                assertThat(rows)
                        .as("a row of the owners table with `%s` and its owner `%s`", table, name)
                        .anySatisfy(row -> {
                            assertThat(tables(row[0])).contains(table);
                            assertThat(row[1]).contains("`" + name + "`");
                        });
            }
        }
        Set<String> listed = new TreeSet<>();
        rows.forEach(row -> listed.addAll(tables(row[0])));
        assertThat(owned).as("tables listed in the owners table vs @OwnsTables").containsAll(listed);
    }

    /** Package → the packages its classes use, computed by ArchUnit from the bytecode. */
    private static Map<String, Set<String>> actualMap() {
        Map<String, Set<String>> map = new TreeMap<>();
        for (JavaClass type : classes) {
            String from = feature(type);
            if (from == null) {
                continue; // OriginLiveMain, at the root
            }
            Set<String> uses = map.computeIfAbsent(from, f -> new TreeSet<>());
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String to = feature(dependency.getTargetClass());
                if (to != null && !to.equals(from)) {
                    uses.add(to);
                }
            }
        }
        return map;
    }

    private static Map<String, Set<String>> documentedMap() {
        int start = doc.indexOf("<!-- package-map:start -->");
        int end = doc.indexOf("<!-- package-map:end -->");
        assertThat(start).as("package-map markers in " + DOC).isPositive().isLessThan(end);
        Map<String, Set<String>> map = new TreeMap<>();
        for (String line : doc.substring(start, end).lines().skip(1).toList()) {
            Matcher m = MAP_LINE.matcher(line.strip());
            assertThat(m.matches()).as("package map line: " + line).isTrue();
            Set<String> uses = new TreeSet<>();
            if (!m.group(2).strip().equals("nothing")) {
                Matcher names = NAME.matcher(m.group(2));
                while (names.find()) {
                    uses.add(names.group(1));
                }
            }
            assertThat(map.put(m.group(1), uses))
                    .as("second line for " + m.group(1))
                    .isNull();
        }
        return map;
    }

    /** The rows of the owners table: [tables, owner, writers]. */
    private static List<String[]> ownerRows() {
        int start = doc.indexOf("| table / column | owner |");
        assertThat(start).as("the owners table in " + DOC).isPositive();
        List<String[]> rows = new ArrayList<>();
        for (String line : doc.substring(start).lines().skip(2).toList()) {
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.substring(1).split("\\|");
            rows.add(new String[] {cells[0], cells[1]});
        }
        return rows;
    }

    /** The table names of a first cell: names in backticks; NOTIFY `x` is the channel notify:x. */
    private static Set<String> tables(String cell) {
        Set<String> tables = new TreeSet<>();
        Matcher channels = CHANNEL.matcher(cell);
        while (channels.find()) {
            tables.add("notify:" + channels.group(1));
        }
        Matcher names = NAME.matcher(CHANNEL.matcher(cell).replaceAll(""));
        while (names.find()) {
            tables.add(names.group(1));
        }
        return tables;
    }

    private static String feature(JavaClass type) {
        String pkg = type.getPackageName();
        if (!pkg.startsWith(ROOT)) {
            return null;
        }
        String rest = pkg.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
