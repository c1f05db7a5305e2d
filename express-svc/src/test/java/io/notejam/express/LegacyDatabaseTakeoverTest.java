package io.notejam.express;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.notejam.testsupport.TestDatabases;
import io.notejam.testsupport.TestSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service takes over a database the original app created (spec 2.2): its tables, written by
 * hand with the original's MySQL DDL, and its rows survive; its users sign in with their old bcrypt
 * hashes; Flyway baselines and hardens the tables without losing a row.
 */
class LegacyDatabaseTakeoverTest {
  private static final String[] ORIGINAL_DDL = {
    "CREATE TABLE IF NOT EXISTS users(id INTEGER PRIMARY KEY NOT NULL AUTO_INCREMENT,"
        + " email varchar(75) NOT NULL, password VARCHAR(128) NOT NULL)",
    "CREATE TABLE IF NOT EXISTS pads(id INTEGER PRIMARY KEY AUTO_INCREMENT NOT NULL,"
        + " name VARCHAR(100) NOT NULL, user_id INTEGER NOT NULL REFERENCES users(id))",
    "CREATE TABLE IF NOT EXISTS notes(id INTEGER PRIMARY KEY AUTO_INCREMENT NOT NULL,"
        + " pad_id INTEGER REFERENCES pads(id), user_id INTEGER NOT NULL REFERENCES users(id),"
        + " name VARCHAR(100) NOT NULL, text text NOT NULL,"
        + " created_at TIMESTAMP DEFAULT current_timestamp,"
        + " updated_at TIMESTAMP DEFAULT current_timestamp)"
  };

  /** Creates the original's tables, in latin1 on MySQL as RDS 5.7's defaults would have. */
  private static void createOriginalTables(TestSchema schema, String... rows) throws SQLException {
    try (Connection c = schema.connect();
        Statement sql = c.createStatement()) {
      for (String ddl : ORIGINAL_DDL) {
        sql.execute(schema.kind().isMysql() ? ddl + " DEFAULT CHARSET=latin1" : ddl);
      }
      for (String row : rows) {
        sql.executeUpdate(row);
      }
    }
  }

  private static ApplicationContext start(TestSchema schema) {
    Map<String, Object> properties = new HashMap<>(schema.serviceProperties());
    properties.put("micronaut.server.port", "-1");
    properties.put("datasources.default.maximum-pool-size", "2");
    ApplicationContext context = ApplicationContext.run(properties);
    context.getBean(EmbeddedServer.class).start();
    return context;
  }

  @Test
  void rowsSurviveOldPasswordsSignInAndNewTextFits() throws SQLException {
    TestSchema schema = TestDatabases.freshSchema("express-legacy");
    createOriginalTables(
        schema,
        "INSERT INTO users (email, password) VALUES ('old@example.com', '"
            + Fixtures.PASSWORD_HASH
            + "')",
        "INSERT INTO pads (name, user_id) VALUES ('Old pad', 1)",
        "INSERT INTO notes (pad_id, user_id, name, text) VALUES (1, 1, 'Old note', 'kept')");
    try (ApplicationContext context = start(schema)) {
      Browser agent =
          Fixtures.signedIn(context.getBean(EmbeddedServer.class).getURI(), "old@example.com");
      String page = agent.get("/express/").body();
      assertTrue(page.contains(">Old note<"));
      assertTrue(page.contains(">Old pad<"));
      String unicode = "日本語 ✓ 😀";
      var res =
          agent.postJson(
              "/express/notes/create",
              "{\"name\":\"" + unicode + "\",\"text\":\"" + unicode + "\",\"pad_id\":1}");
      assertEquals(302, res.status());
      assertTrue(agent.get("/express/pads/1").body().contains(unicode));
    }
    assertEquals("kept", Rows.value(schema, "SELECT text FROM notes WHERE name = 'Old note'"));
    // Flyway's lower-case names need quoting on H2, which the harness opens without MySQL mode.
    String versions =
        schema.kind().isMysql()
            ? "SELECT COUNT(*) FROM flyway_schema_history WHERE version IN ('0', '1', '2')"
            : "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" IN ('0', '1', '2')";
    assertEquals(3, Rows.number(schema, versions), "baselined at 0, then V1 and V2");
  }

  @Test
  void zeroDatesANonStrictMysqlStoredShowAsTheOriginalShowsNull() throws SQLException {
    TestSchema schema = TestDatabases.freshSchema("express-legacy");
    assumeTrue(schema.kind().isMysql(), "zero dates exist only on MySQL");
    createOriginalTables(
        schema,
        "SET SESSION sql_mode = ''",
        "INSERT INTO users (email, password) VALUES ('old@example.com', '"
            + Fixtures.PASSWORD_HASH
            + "')",
        "INSERT INTO notes (user_id, name, text, created_at, updated_at)"
            + " VALUES (1, 'Zero note', 'kept', '0000-00-00 00:00:00', '0000-00-00 00:00:00')");
    try (ApplicationContext context = start(schema)) {
      Browser agent =
          Fixtures.signedIn(context.getBean(EmbeddedServer.class).getURI(), "old@example.com");
      var list = agent.get("/express/");
      assertEquals(200, list.status());
      assertTrue(list.body().contains(">Zero note<"), list.body());
      assertTrue(list.body().contains("Invalid date"), list.body());
      var note = agent.get("/express/notes/1");
      assertEquals(200, note.status());
      assertTrue(note.body().contains("Invalid date"), note.body());
    }
    assertEquals("kept", Rows.value(schema, "SELECT text FROM notes WHERE name = 'Zero note'"));
  }

  @Test
  void duplicateEmailsTheOriginalLetInAreKeptAndNewOnesRefused() throws SQLException {
    TestSchema schema = TestDatabases.freshSchema("express-legacy");
    String hash = Fixtures.PASSWORD_HASH;
    createOriginalTables(
        schema,
        "INSERT INTO users (email, password) VALUES ('twin@example.com', '" + hash + "')",
        "INSERT INTO users (email, password) VALUES ('twin@example.com', '" + hash + "')");
    try (ApplicationContext context = start(schema)) {
      Browser agent = new Browser(context.getBean(EmbeddedServer.class).getURI());
      var res =
          agent.postJson(
              "/express/signup", Fixtures.credentials("twin@example.com", Fixtures.PASSWORD));
      assertTrue(res.body().contains("User with given email already exists!"));
      Fixtures.signedIn(agent.base(), "twin@example.com");
    }
    assertEquals(
        2, Rows.number(schema, "SELECT COUNT(*) FROM users WHERE email = 'twin@example.com'"));
  }
}
