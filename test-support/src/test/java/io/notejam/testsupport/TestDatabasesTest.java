package io.notejam.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestDatabasesTest {

  @Test
  void theBranchFollowsTheEnvironment() {
    String url = System.getenv(TestDatabases.URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      assertEquals(DatabaseKind.EXTERNAL_MYSQL, TestDatabases.kind());
    } else if (TestDatabases.dockerAvailable()) {
      assertEquals(DatabaseKind.TESTCONTAINERS_MYSQL, TestDatabases.kind());
    } else {
      assertEquals(DatabaseKind.H2, TestDatabases.kind());
    }
  }

  @Test
  void eachSchemaIsFreshAndIsolated() throws SQLException {
    TestSchema first = TestDatabases.freshSchema("harness");
    TestSchema second = TestDatabases.freshSchema("harness");
    assertNotEquals(first.name(), second.name());
    assertIsolated(first, second);
  }

  /** The H2 branch is exercised directly, whatever this JVM's environment chose. */
  @Test
  void withoutUrlOrDockerSchemasAreEmbeddedH2() throws SQLException {
    DatabaseServer h2 = DatabaseServer.select(Map.of(), () -> false);
    assertEquals(DatabaseKind.H2, h2.kind);
    TestSchema first = h2.freshSchema("h2");
    TestSchema second = h2.freshSchema("h2");
    assertTrue(first.jdbcUrl().startsWith("jdbc:h2:mem:"), first.jdbcUrl());
    assertTrue(first.serviceProperties().containsKey("database.url"));
    assertThrows(IllegalStateException.class, first::endpoint);
    assertIsolated(first, second);
  }

  /** The external-server branch against the real server CI provides (MariaDB here). */
  @Test
  void externalServerSchemasAreRealDatabasesAndAreDroppedAfterwards() throws SQLException {
    String url = System.getenv(TestDatabases.URL_VARIABLE);
    assumeTrue(url != null && !url.isBlank(), TestDatabases.URL_VARIABLE + " is not set");
    DatabaseServer server = DatabaseServer.select(System.getenv(), () -> false);
    assertEquals(DatabaseKind.EXTERNAL_MYSQL, server.kind);
    TestSchema schema = server.freshSchema("Drop Me!");
    assertTrue(schema.name().startsWith("t_dropme_"), schema.name());
    assertEquals(schema.name(), schema.serviceProperties().get("database.schema"));
    assertTrue(schema.serviceProperties().get("database.endpoint").matches("[^:/]+:\\d+"));
    try (Connection c = schema.connect();
        ResultSet rs = c.createStatement().executeQuery("SELECT @@character_set_database")) {
      rs.next();
      assertEquals("utf8mb4", rs.getString(1));
    }
    server.dropCreatedSchemas();
    try (Connection c = schema.connect()) {
      throw new AssertionError("schema " + schema.name() + " should have been dropped");
    } catch (SQLException expected) {
      assertTrue(expected.getMessage().contains(schema.name()), expected.getMessage());
    }
  }

  @Test
  void theDatabaseIsPutIntoTheServerUrl() {
    assertEquals(
        "jdbc:mysql://127.0.0.1:3306/t_x?useSSL=false",
        DatabaseServer.withDatabase("jdbc:mysql://127.0.0.1:3306/?useSSL=false", "t_x"));
    assertEquals(
        "jdbc:mariadb://db/t_x", DatabaseServer.withDatabase("jdbc:mariadb://db/test", "t_x"));
  }

  private static void assertIsolated(TestSchema first, TestSchema second) throws SQLException {
    try (Connection c = first.connect();
        Statement st = c.createStatement()) {
      st.executeUpdate("CREATE TABLE marker (id INT PRIMARY KEY)");
      st.executeUpdate("INSERT INTO marker VALUES (1)");
    }
    try (Connection c = second.connect();
        ResultSet rs =
            c.getMetaData().getTables(second.name(), null, "marker", new String[] {"TABLE"})) {
      assertFalse(rs.next(), "a table of " + first.name() + " is visible in " + second.name());
    }
    try (Connection c = first.connect();
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM marker")) {
      rs.next();
      assertEquals(1, rs.getInt(1));
    }
  }
}
