package org.originlive.phone;

import static org.awaitility.Awaitility.await;
import static org.originlive.support.Api.as;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.originlive.support.Api;
import org.originlive.support.SmsSimulator;

/** Test data for the phone tests: fresh numbers, confirmed alert phones, paid orders. */
final class Phones {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private Phones() {}

    static String number() {
        return "+2507" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static void put(String staff, String cooperative, String language, String... phones) {
        as(staff)
                .body(Map.of("phones", List.of(phones), "language", language))
                .put("/api/cooperatives/" + cooperative + "/alerts")
                .then()
                .statusCode(200);
    }

    /** The code the simulator received for {@code phone} (waits for it). */
    static String codeSentTo(String phone) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !SmsSimulator.sendsTo(phone).isEmpty());
        Matcher m = CODE.matcher(SmsSimulator.sendsTo(phone).get(0).get("message"));
        if (!m.find()) {
            throw new AssertionError("no code in " + SmsSimulator.sendsTo(phone));
        }
        return m.group(1);
    }

    /** Phones added, codes echoed: all confirmed. */
    static void confirmed(String staff, String cooperative, String language, String... phones) {
        put(staff, cooperative, language, phones);
        for (String phone : phones) {
            as(staff)
                    .body(Map.of("phone", phone, "code", codeSentTo(phone)))
                    .post("/api/cooperatives/" + cooperative + "/alerts/verify")
                    .then()
                    .statusCode(200);
        }
    }

    static void pin(String staff, String cooperative, String phone, String pin) {
        as(staff)
                .body(Map.of("phone", phone, "pin", pin))
                .put("/api/cooperatives/" + cooperative + "/alerts/pin")
                .then()
                .statusCode(200);
    }

    /** A paid order of {@code quantity} units of a fresh product of the cooperative; the order id. */
    static String paidOrder(String cooperative, int quantity) {
        String host = Api.host();
        String sale = Api.liveSale(host, Api.product(cooperative, 1500, 50), 50, 10);
        String buyer = Api.consumer();
        String order = Api.orderFromSale(buyer, sale, Api.firstItem(sale), quantity)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(buyer)
                .body(Map.of("method", "sandbox"))
                .post("/api/orders/" + order + "/pay")
                .then()
                .statusCode(200);
        return order;
    }

    /** {@code n} paid orders of one unit each, from one live sale of a fresh product of the cooperative. */
    static void paidOrders(String cooperative, int n) {
        String host = Api.host();
        String sale = Api.liveSale(host, Api.product(cooperative, 1500, 50), 50, 10);
        String item = Api.firstItem(sale);
        for (int i = 0; i < n; i++) {
            String buyer = Api.consumer();
            String order = Api.orderFromSale(buyer, sale, item, 1)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            as(buyer)
                    .body(Map.of("method", "sandbox"))
                    .post("/api/orders/" + order + "/pay")
                    .then()
                    .statusCode(200);
        }
    }
}
