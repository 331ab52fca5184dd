package org.originlive.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.SmsSimulator;

/** The USSD menu, walked as Africa's Talking calls it: every path, the PIN's rules, other cooperatives' codes. */
@QuarkusTest
@QuarkusTestResource(SmsSimulator.class)
class UssdTest {

    private static final String PIN = "2468";

    record Manager(String cooperative, String staff, String phone) {}

    private static Manager manager(String language) {
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        String phone = Phones.number();
        Phones.confirmed(staff, coop, language, phone);
        Phones.pin(staff, coop, phone, PIN);
        return new Manager(coop, staff, phone);
    }

    /** One step; every screen fits USSD's limit (182 GSM-7 characters, 70 in UCS-2), prefix included. */
    static String ussd(String phone, String text) {
        String reply = Api.anonymous()
                .contentType("application/x-www-form-urlencoded")
                .formParam("sessionId", "ATUid_" + phone)
                .formParam("serviceCode", "*384*1234#")
                .formParam("phoneNumber", phone)
                .formParam("text", text)
                .post("/api/ussd/callback")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/plain"))
                .extract()
                .asString();
        assertThat(reply).matches("(?s)(CON|END) .+");
        assertThat(reply.length()).as(reply).isLessThanOrEqualTo(Texts.screenLimit(reply));
        return reply;
    }

    private static List<String> codes(Manager m, String status) {
        return as(m.staff())
                .get("/api/cooperatives/" + m.cooperative() + "/fulfillments?status=" + status)
                .then()
                .extract()
                .path("items.shortCode");
    }

    @Test
    void everyMenuPathWorksThroughTheSameRulesAsTheApi() {
        Manager m = manager("en");
        Phones.paidOrders(m.cooperative(), 2);
        List<String> codes = codes(m, "NEW");
        assertThat(ussd(m.phone(), "")).isEqualTo("CON Origin Live\nEnter your PIN");
        assertThat(ussd(m.phone(), PIN)).startsWith("CON 1 New orders");
        String list = ussd(m.phone(), PIN + "*1");
        assertThat(list)
                .startsWith("END ")
                .contains(codes.get(0))
                .contains(codes.get(1))
                .contains("1x Product");

        String code = codes.get(0);
        assertThat(ussd(m.phone(), PIN + "*2")).isEqualTo("CON Enter the order code");
        assertThat(ussd(m.phone(), PIN + "*2*" + code.toLowerCase())).isEqualTo("END Order " + code + " accepted.");
        assertThat(ussd(m.phone(), PIN + "*2*" + code))
                .isEqualTo("END Order " + code + " cannot change now (ACCEPTED).");
        assertThat(codes(m, "ACCEPTED")).containsExactly(code);

        assertThat(ussd(m.phone(), PIN + "*3")).isEqualTo("CON Enter the order code");
        assertThat(ussd(m.phone(), PIN + "*3*" + code)).isEqualTo("CON Order " + code + ": enter the carrier");
        assertThat(ussd(m.phone(), PIN + "*3*" + code + "*DHL")).isEqualTo("CON Enter the tracking number");
        assertThat(ussd(m.phone(), PIN + "*3*" + code + "*DHL*TRK123"))
                .isEqualTo("END Order " + code + " marked shipped.");
        as(m.staff())
                .get("/api/cooperatives/" + m.cooperative() + "/fulfillments?status=SHIPPED")
                .then()
                .body("items[0].shortCode", equalTo(code))
                .body("items[0].carrier", equalTo("DHL"))
                .body("items[0].trackingNumber", equalTo("TRK123"));
        // Shipping a NEW order is refused as the API refuses it.
        assertThat(ussd(m.phone(), PIN + "*3*" + codes.get(1) + "*DHL*T2")).contains("cannot change now (NEW)");

        String balance = ussd(m.phone(), PIN + "*4");
        assertThat(balance).startsWith("END Balance\nCNY: available 0.00, pending ");
        assertThat(ussd(m.phone(), PIN + "*7")).isEqualTo("END Invalid choice.");
        assertThat(ussd(m.phone(), PIN + "*2*ZZZZZZ")).isEqualTo("END Order ZZZZZZ not found.");
    }

    @Test
    void anotherCooperativesCodeIsNotFoundAndChangesNothing() {
        Manager m = manager("en");
        Manager other = manager("en");
        Phones.paidOrders(other.cooperative(), 1);
        String theirs = codes(other, "NEW").get(0);
        assertThat(ussd(m.phone(), PIN + "*2*" + theirs)).isEqualTo("END Order " + theirs + " not found.");
        assertThat(ussd(m.phone(), PIN + "*3*" + theirs)).isEqualTo("END Order " + theirs + " not found.");
        assertThat(codes(other, "NEW")).containsExactly(theirs);
        assertThat(ussd(m.phone(), PIN + "*1")).isEqualTo("END No new orders.");
    }

    @Test
    void aWrongPinEndsTheSessionAndFiveLockThePhone() {
        Manager m = manager("en");
        Phones.paidOrders(m.cooperative(), 1);
        String code = codes(m, "NEW").get(0);
        assertThat(ussd(m.phone(), "1111*2*" + code)).isEqualTo("END Wrong PIN.");
        assertThat(codes(m, "NEW")).containsExactly(code);
        for (int i = 0; i < 4; i++) {
            assertThat(ussd(m.phone(), "9999")).isEqualTo("END Wrong PIN.");
        }
        assertThat(ussd(m.phone(), PIN)).isEqualTo("END Too many wrong PINs. Try again in 15 minutes.");
        assertThat(ussd(m.phone(), "")).startsWith("END Too many wrong PINs");
        assertThat(ussd(m.phone(), PIN + "*2*" + code)).startsWith("END Too many wrong PINs");
        assertThat(codes(m, "NEW")).containsExactly(code);
        // A new PIN from the dashboard lifts the lock.
        Phones.pin(m.staff(), m.cooperative(), m.phone(), "13579");
        assertThat(ussd(m.phone(), "13579")).startsWith("CON 1 New orders");
    }

    @Test
    void unknownAndUnconfirmedPhonesGetNothing() {
        assertThat(ussd(Phones.number(), "")).isEqualTo("END This phone is not registered for Origin Live.");
        String coop = Api.cooperative();
        String staff = Api.cooperativeStaff(coop);
        String phone = Phones.number();
        Phones.put(staff, coop, "en", phone);
        assertThat(ussd(phone, "")).isEqualTo("END This phone is not registered for Origin Live.");
    }

    @Test
    void anOverlongAnswerChainIsRefusedAsInvalid() {
        Api.anonymous()
                .contentType("application/x-www-form-urlencoded")
                .formParam("sessionId", "ATUid_long")
                .formParam("serviceCode", "*384*1234#")
                .formParam("phoneNumber", Phones.number())
                .formParam("text", "1*".repeat(501))
                .post("/api/ussd/callback")
                .then()
                .statusCode(422)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
    }

    @Test
    void amharicScreensFitUcs2AndLongListsArePaged() {
        Manager m = manager("am");
        Phones.paidOrders(m.cooperative(), 5);
        List<String> codes = codes(m, "NEW");
        assertThat(ussd(m.phone(), "")).startsWith("CON Origin Live\nPIN");
        assertThat(ussd(m.phone(), PIN)).startsWith("CON 1 አዲስ");
        StringBuilder seen = new StringBuilder();
        String more = "";
        String screen;
        int pages = 0;
        do {
            screen = ussd(m.phone(), PIN + "*1" + more);
            seen.append(screen);
            more += "*9";
            pages++;
        } while (screen.startsWith("CON ") && pages < 10);
        assertThat(pages).isGreaterThan(1);
        codes.forEach(code -> assertThat(seen.toString()).contains(code));
        assertThat(ussd(m.phone(), PIN + "*4")).startsWith("END ሂሳብ");
    }

    @Test
    void theTextThatCarriesThePinIsNeverLogged() {
        Manager m = manager("en");
        Phones.pin(m.staff(), m.cooperative(), m.phone(), "864207");
        java.util.List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(String.valueOf(r.getMessage()) + " " + java.util.Arrays.toString(r.getParameters()) + " "
                        + (r.getThrown() == null ? "" : r.getThrown().toString()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(java.util.logging.Level.ALL);
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            io.quarkus.logging.Log.info("log capture is on");
            ussd(m.phone(), "864207");
            ussd(m.phone(), "864207*2*ABCDEF");
            ussd(m.phone(), "864207*3*ABCDEF*DHL*TRK864207");
            ussd(m.phone(), "764208");
        } finally {
            root.removeHandler(capture);
        }
        assertThat(logged).anyMatch(line -> line.contains("log capture is on"));
        assertThat(logged).noneMatch(line -> line.contains("864207") || line.contains("764208"));
    }
}
