package org.originlive.phone;

import java.util.ArrayList;
import java.util.List;

/** Long lists on USSD screens: as many lines as fit, "9 More" while more remain. */
final class UssdPages {

    private UssdPages() {}

    /** Page {@code index} (0 first) of the lines, as a reply that fits its screen. */
    static String page(List<String> lines, int index, String more) {
        List<List<String>> pages = pages(lines, more);
        if (index >= pages.size()) {
            return "END " + String.join("\n", pages.get(pages.size() - 1));
        }
        boolean last = index == pages.size() - 1;
        String body = String.join("\n", pages.get(index));
        return last ? "END " + body : "CON " + body + "\n" + more;
    }

    private static List<List<String>> pages(List<String> lines, String more) {
        String all = String.join("\n", lines) + more;
        int limit = Texts.screenLimit(all) - "CON ".length() - more.length() - 1;
        int lineMax = Math.min(limit, Texts.screenLimit(all) == Texts.GSM7_SCREEN ? 40 : 30);
        List<List<String>> pages = new ArrayList<>();
        List<String> page = new ArrayList<>();
        int used = 0;
        for (String line : lines) {
            String cut = Texts.cut(line, lineMax);
            int needs = cut.length() + (page.isEmpty() ? 0 : 1);
            if (!page.isEmpty() && used + needs > limit) {
                pages.add(page);
                page = new ArrayList<>();
                needs = cut.length();
                used = 0;
            }
            page.add(cut);
            used += needs;
        }
        pages.add(page);
        return pages;
    }
}
