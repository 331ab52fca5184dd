package org.originlive.fulfillment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Row;
import java.util.List;
import java.util.UUID;

/** Rows of {@link FulfillmentRepository}'s queries as API views; no SQL. */
final class FulfillmentRows {

    private final ObjectMapper json;

    FulfillmentRows(ObjectMapper json) {
        this.json = json;
    }

    /** A fulfilment's row and its order's line rows, as the API shows it. */
    FulfillmentApi.FulfillmentView view(Row r, List<Row> lineRows) {
        UUID orderId = r.getUUID("order_id");
        UUID cooperativeId = r.getUUID("cooperative_id");
        List<FulfillmentApi.Line> lines = lineRows.stream()
                .filter(l -> orderId.equals(l.getUUID("order_id")) && cooperativeId.equals(l.getUUID("cooperative_id")))
                .map(l -> new FulfillmentApi.Line(
                        l.getUUID("id"),
                        l.getUUID("product_id"),
                        l.getUUID("item_id"),
                        l.getString("name"),
                        l.getInteger("quantity"),
                        l.getInteger("refunded_quantity"),
                        l.getLong("unit_price_minor")))
                .toList();
        try {
            return new FulfillmentApi.FulfillmentView(
                    r.getUUID("id"),
                    orderId,
                    cooperativeId,
                    FulfillmentStatus.valueOf(r.getString("status")),
                    lines,
                    json.readTree(r.getString("shipping_address")),
                    r.getLong("gross_minor"),
                    r.getLong("fee_minor"),
                    r.getLong("net_minor"),
                    r.getString("currency"),
                    r.getString("carrier"),
                    r.getString("tracking_number"),
                    r.getOffsetDateTime("created_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored shipping address is not readable", e);
        }
    }
}
