package org.originlive.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.Tx;
import org.originlive.notify.BuyerPush;

/**
 * Web Push for buyer notices: in the transaction that causes the notice, one push_message per
 * browser of the buyer and one outbox row each (topic {@value PushRelay#TOPIC}); nothing is sent
 * unless that transaction commits.
 */
@ApplicationScoped
public class PushNotices implements BuyerPush {

    private final PushRepository repository;
    private final PushRelay relay;
    private final ObjectMapper json;

    PushNotices(PushRepository repository, PushRelay relay, ObjectMapper json) {
        this.repository = repository;
        this.relay = relay;
        this.json = json;
    }

    @Override
    public Uni<Void> queue(Tx tx, UUID userId, Notice notice) {
        return repository.queue(tx, userId, payload(notice)).flatMap(ids -> relay.queue(tx, ids));
    }

    /** {@code {title, body, url, tag}} as UTF-8 JSON that fits one record; a long body is cut. */
    String payload(Notice notice) {
        String title = cut(notice.title(), 200);
        String body = notice.body() == null ? "" : cut(notice.body(), Aes128gcm.MAX_PLAINTEXT);
        String url = notice.url() == null || notice.url().length() > 2048 ? null : notice.url();
        String tag = cut(notice.tag(), 64);
        while (true) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("title", title);
            fields.put("body", body);
            fields.put("url", url);
            fields.put("tag", tag);
            String text = write(fields);
            int over = text.getBytes(StandardCharsets.UTF_8).length - Aes128gcm.MAX_PLAINTEXT;
            if (over <= 0) {
                return text;
            }
            if (body.isEmpty()) {
                // Only a title full of escapes and a huge link get here: keep what still fits.
                title = cut(title, 50);
                url = null;
            } else {
                int room = body.getBytes(StandardCharsets.UTF_8).length
                        - over
                        - "…".getBytes(StandardCharsets.UTF_8).length;
                String kept = cutBytes(body, room);
                body = kept.isEmpty() ? "" : kept + "…";
            }
        }
    }

    private String write(Map<String, String> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings always serialise", e);
        }
    }

    /** The longest prefix of whole code points within {@code maxBytes} of UTF-8. */
    private static String cutBytes(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Math.max(0, max);
        if (end == 0) {
            return "";
        }
        // Never split a surrogate pair.
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
