package org.originlive.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.originlive.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.originlive.support.Api;
import org.originlive.support.Books;
import org.originlive.support.PostgresResource;
import org.originlive.support.Purchase;

/** The ledger: what a cooperative sees of it, and a database that refuses to rewrite history. */
@QuarkusTest
class LedgerTest {

    @Test
    void aPaymentBooksNetAsPendingAndOnlyThatCooperativeSeesIt() {
        Purchase p = Purchase.paid(4500, 2, 1000, 1);
        as(p.staffA())
                .get("/api/cooperatives/" + p.coopA() + "/balance")
                .then()
                .statusCode(200)
                .body("items[0].currency", equalTo("CNY"))
                .body("items[0].pendingMinor", equalTo(8550)) // 9000 − 5% fee
                .body("items[0].availableMinor", equalTo(0));
        as(p.staffA())
                .get("/api/cooperatives/" + p.coopA() + "/ledger")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].type", equalTo("PAYMENT"))
                .body("items[0].bucket", equalTo("PENDING"))
                .body("items[0].amountMinor", equalTo(8550))
                .body("items[0].ref.type", equalTo("order"))
                .body("items[0].ref.id", equalTo(p.order()));
        as(p.staffB()).get("/api/cooperatives/" + p.coopA() + "/balance").then().statusCode(403);
        as(p.staffB()).get("/api/cooperatives/" + p.coopA() + "/ledger").then().statusCode(403);
        as(p.buyer()).get("/api/cooperatives/" + p.coopA() + "/balance").then().statusCode(403);
        Api.anonymous()
                .get("/api/cooperatives/" + p.coopA() + "/balance")
                .then()
                .statusCode(401);
        as(p.staffA()).get("/api/admin/ledger/trial-balance").then().statusCode(403);
        as(p.staffA())
                .get("/api/cooperatives/" + p.coopA() + "/ledger?size=101")
                .then()
                .statusCode(400);

        p.deliver(p.coopA());
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(Purchase.balance(p.coopA())).containsExactly(0, 8550, 0, 0));
        List<String> types = as(p.staffA())
                .get("/api/cooperatives/" + p.coopA() + "/ledger")
                .then()
                .extract()
                .path("items.type");
        assertThat(types).containsExactly("RELEASE", "RELEASE", "PAYMENT");
        Books.balanced();
        Books.cooperativeAddsUp(p.coopA(), p.coopB());
    }

    @Test
    void theDatabaseRefusesToChangeOrUnbalanceTheLedger() throws SQLException {
        Purchase.paid(1000, 1, 1000, 1);
        try (Connection db =
                        DriverManager.getConnection(PostgresResource.server().jdbcUrl(), "postgres", "postgres");
                Statement sql = db.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE ledger_entry SET amount_minor = amount_minor + 1"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM ledger_entry"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM ledger_transaction"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("TRUNCATE ledger_entry CASCADE"))
                    .hasMessageContaining("append-only");
            String tx = "'" + java.util.UUID.randomUUID() + "'";
            assertThatThrownBy(() -> sql.execute("BEGIN; INSERT INTO ledger_transaction VALUES (" + tx
                            + ", 'FORGED', 'order', gen_random_uuid(), now());"
                            + " INSERT INTO ledger_entry (id, transaction_id, account, currency, amount_minor, created_at)"
                            + " VALUES (gen_random_uuid(), " + tx + ", 'PLATFORM_FEES', 'CNY', 100, now()); COMMIT;"))
                    .hasMessageContaining("does not balance");
        }
        Books.balanced();
    }
}
