package org.originlive.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.originlive.devdb.LocalPostgres;

/**
 * Orders paid before the ledger existed: the V12 migration books their payments, so old data
 * balances and the cooperative's pending money equals its fulfilments' net.
 */
class LedgerBackfillTest {

    @Test
    void migratingADatabaseWithPaidOrdersBooksTheirPayments() throws SQLException {
        try (LocalPostgres pg = LocalPostgres.throwaway()) {
            flyway(pg, "6").migrate();
            try (Connection db = connect(pg);
                    Statement sql = db.createStatement()) {
                sql.execute(
                        """
                        INSERT INTO cooperative (id, slug, name, country, region, story, payout_currency)
                          VALUES ('00000000-0000-0000-0000-00000000c001', 'old-coop', 'Old Coop', 'RW', 'South', 'x', 'RWF');
                        INSERT INTO app_user (id, email, password_hash, display_name, role)
                          VALUES ('00000000-0000-0000-0000-0000000000b1', 'b@example.com', 'x', 'Buyer', 'CONSUMER');
                        INSERT INTO product (id, cooperative_id, sku, name, description, unit, price_minor, currency, stock, status)
                          VALUES ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-00000000c001',
                                  'S1', 'Chili oil', 'd', 'bottle', 3900, 'CNY', 10, 'ACTIVE');
                        INSERT INTO customer_order (id, buyer_id, status, total_minor, currency, shipping_address,
                                                    reserved_until, created_at, paid_at)
                          VALUES ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000b1', 'PAID',
                                  7800, 'CNY', '{}', now(), now(), now()),
                                 ('00000000-0000-0000-0000-0000000000d2', '00000000-0000-0000-0000-0000000000b1', 'CANCELLED',
                                  3900, 'CNY', '{}', now(), now(), now());
                        INSERT INTO order_line (order_id, line_no, product_id, cooperative_id, name, quantity, unit_price_minor)
                          VALUES ('00000000-0000-0000-0000-0000000000d1', 0, '00000000-0000-0000-0000-0000000000a1',
                                  '00000000-0000-0000-0000-00000000c001', 'Chili oil', 2, 3900);
                        INSERT INTO fulfillment (id, order_id, cooperative_id, status, gross_minor, fee_minor, net_minor,
                                                 currency, created_at, updated_at)
                          VALUES ('00000000-0000-0000-0000-0000000000f1', '00000000-0000-0000-0000-0000000000d1',
                                  '00000000-0000-0000-0000-00000000c001', 'DELIVERED', 7800, 390, 7410, 'CNY', now(), now()),
                                 ('00000000-0000-0000-0000-0000000000f2', '00000000-0000-0000-0000-0000000000d2',
                                  '00000000-0000-0000-0000-00000000c001', 'CANCELLED', 3900, 195, 3705, 'CNY', now(), now());
                        """);
            }

            flyway(pg, "latest").migrate();

            try (Connection db = connect(pg);
                    Statement sql = db.createStatement()) {
                assertThat(single(sql, "SELECT sum(amount_minor) FROM ledger_entry"))
                        .isZero();
                assertThat(single(
                                sql,
                                "SELECT sum(amount_minor) FROM ledger_entry WHERE account = 'COOPERATIVE'"
                                        + " AND bucket = 'PENDING'"))
                        .as("the paid order's net, the cancelled one's nothing")
                        .isEqualTo(7410);
                assertThat(single(sql, "SELECT sum(amount_minor) FROM ledger_entry WHERE account = 'PLATFORM_FEES'"))
                        .isEqualTo(390);
                assertThat(single(sql, "SELECT count(*) FROM fulfillment WHERE delivered_at IS NOT NULL"))
                        .as("the hold of an old delivery counts from its last change")
                        .isEqualTo(1);
                assertThat(single(sql, "SELECT count(*) FROM order_line WHERE id IS NULL"))
                        .isZero();
            }
        }
    }

    private static Flyway flyway(LocalPostgres pg, String target) {
        return Flyway.configure()
                .dataSource(pg.jdbcUrl(), "postgres", "postgres")
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    private static Connection connect(LocalPostgres pg) throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl(), "postgres", "postgres");
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
