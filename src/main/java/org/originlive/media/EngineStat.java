package org.originlive.media;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The publishers of the ingest application in nginx-rtmp's status page ({@code rtmp_stat all}), with their health. */
final class EngineStat {

    /** A stream someone publishes: its name (never a key: streams are renamed on accept), the client and health. */
    record Published(String name, String clientId, MediaApi.Health health) {}

    private EngineStat() {}

    static List<Published> parse(byte[] xml, String application) {
        Document doc = read(xml);
        List<Published> published = new ArrayList<>();
        for (Element app : children(doc.getDocumentElement(), "server", "application")) {
            if (!application.equals(text(app, "name"))) {
                continue;
            }
            for (Element stream : children(app, "live", "stream")) {
                String clientId = null;
                for (Element client : children(stream, "client")) {
                    if (first(client, "publishing") != null) {
                        clientId = text(client, "id");
                    }
                }
                if (clientId != null) {
                    published.add(new Published(text(stream, "name"), clientId, health(stream)));
                }
            }
        }
        return published;
    }

    private static MediaApi.Health health(Element stream) {
        Element video = first(first(stream, "meta"), "video");
        Integer kbps = integer(text(stream, "bw_in"), 1000);
        return new MediaApi.Health(
                blankToNull(text(video, "codec")),
                positive(integer(text(video, "width"), 1)),
                positive(integer(text(video, "height"), 1)),
                positiveDouble(text(video, "frame_rate")),
                positive(kbps));
    }

    private static Document read(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // The default handler prints to stderr; a bad page is reported once, by the caller.
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException("The engine's status page is not the XML of rtmp_stat: " + e.getMessage());
        }
    }

    /** The elements reached by following child names from {@code from}. */
    private static List<Element> children(Element from, String... path) {
        List<Element> level = new ArrayList<>(List.of(from));
        for (String name : path) {
            List<Element> next = new ArrayList<>();
            for (Element parent : level) {
                NodeList nodes = parent.getChildNodes();
                for (int i = 0; i < nodes.getLength(); i++) {
                    Node node = nodes.item(i);
                    if (node instanceof Element e && e.getTagName().equals(name)) {
                        next.add(e);
                    }
                }
            }
            level = next;
        }
        return level;
    }

    private static Element first(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element parent, String name) {
        Element e = first(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    private static Integer integer(String text, int divisor) {
        try {
            return text == null ? null : (int) (Long.parseLong(text) / divisor);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer positive(Integer value) {
        return value == null || value <= 0 ? null : value;
    }

    private static Double positiveDouble(String text) {
        try {
            double value = text == null ? 0 : Double.parseDouble(text);
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
