package org.originlive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scanner behind ArchitectureTest's rule that SQL touches only its own feature's tables. */
class SqlTablesTest {

    @Test
    void namesTheTablesAfterFromJoinUpdateAndIntoButNotCtes() {
        String sql =
                "WITH counted AS (SELECT f.order_id FROM fulfillment f JOIN customer_order o ON o.id = f.order_id),"
                        + " money AS (SELECT * FROM counted) SELECT c.id FROM money m JOIN cooperative c ON true"
                        + " LEFT JOIN unnest($1::uuid[]) AS l(id) ON true, (SELECT 1 FROM sale_item) s";
        assertThat(SqlTables.named(sql))
                .containsExactly("fulfillment", "customer_order", "cooperative", "unnest", "sale_item");
        assertThat(SqlTables.named("UPDATE sale SET seq = seq + 1; INSERT INTO chat_room (sale_id) VALUES ($1)"
                        + " ON CONFLICT (sale_id) DO UPDATE SET sale_id = excluded.sale_id; DELETE FROM chat_ban"
                        + " WHERE x IN (SELECT id FROM app_user FOR UPDATE SKIP LOCKED)"))
                .containsExactly("sale", "chat_room", "set", "chat_ban", "app_user", "skip");
    }

    @Test
    void tellsWritesFromReads() {
        assertThat(SqlTables.writes("SELECT id FROM sale WHERE id = $1 FOR UPDATE"))
                .isFalse();
        assertThat(SqlTables.writes("select 1 from lot_assignment a join plot p on p.id = a.plot_id"))
                .isFalse();
        assertThat(SqlTables.writes("update sale set seq = seq + 1")).isTrue();
        assertThat(SqlTables.writes("INSERT INTO chat_room (sale_id) VALUES ($1)"))
                .isTrue();
        assertThat(SqlTables.writes("DELETE FROM chat_ban WHERE sale_id = $1")).isTrue();
    }

    @Test
    void readsTheLiteralsOfJavaSourceWithoutItsComments() {
        String source = "class X {\n"
                + "  // SELECT * FROM app_user\n"
                + "  /* JOIN sale \"quoted\" */\n"
                + "  static final String Q = \"SELECT a FROM \" + T + \" JOIN order_line l\" + 'x' + '\"';\n"
                + "  String url = \"http://example\\\" FROM escaped\";\n"
                + "  String block = \"\"\"\n    SELECT 1 FROM plot\n    \"\"\";\n"
                + "}\n";
        String literals = SqlTables.literals(source);
        assertThat(SqlTables.named(literals)).containsExactly("join", "order_line", "escaped", "plot");
        assertThat(literals).doesNotContain("app_user").doesNotContain("sale");
    }
}
