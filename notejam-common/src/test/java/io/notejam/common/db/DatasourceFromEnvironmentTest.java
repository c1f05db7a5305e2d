package io.notejam.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.PropertySet;
import com.mysql.cj.jdbc.JdbcConnection;
import io.micronaut.context.ApplicationContext;
import io.notejam.testsupport.TestDatabases;
import io.notejam.testsupport.TestSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasourceFromEnvironmentTest {

  @Test
  void theOriginalEnvironmentContractReachesMysqlAndCreatesTheSchema() throws Exception {
    TestSchema server = TestDatabases.freshSchema("common");
    assumeTrue(server.kind().isMysql(), "needs a MySQL server (set NOTEJAM_TEST_JDBC_URL)");
    String schema = server.name() + "_new";
    Map<String, Object> props = new HashMap<>(datasource());
    props.put("database.endpoint", server.endpoint());
    props.put("database.schema", schema);
    props.put("database.username", server.username());
    props.put("database.password", server.password());
    try (ApplicationContext ctx = ApplicationContext.run(props);
        Connection c = ctx.getBean(DataSource.class).getConnection();
        ResultSet rs =
            c.createStatement().executeQuery("SELECT DATABASE(), @@character_set_database")) {
      rs.next();
      assertEquals(schema, rs.getString(1));
      assertEquals("utf8mb4", rs.getString(2));
      assertTrue(ctx.getBean(DatabaseHealth.class).isUp());
    } finally {
      try (Connection c = server.connect()) {
        c.createStatement().executeUpdate("DROP DATABASE IF EXISTS `" + schema + "`");
      }
    }
  }

  @Test
  void pooledMysqlConnectionsCacheStatementsAndTrackSessionStateLocally() throws Exception {
    TestSchema server = TestDatabases.freshSchema("common");
    assumeTrue(server.kind().isMysql(), "needs a MySQL server (set NOTEJAM_TEST_JDBC_URL)");
    Map<String, Object> props = new HashMap<>(datasource());
    props.put(
        "database.url",
        server.jdbcUrl() + (server.jdbcUrl().contains("?") ? "&" : "?") + "prepStmtCacheSize=8");
    props.put("database.username", server.username());
    props.put("database.password", server.password());
    try (ApplicationContext ctx = ApplicationContext.run(props);
        Connection c = ctx.getBean(DataSource.class).getConnection()) {
      PropertySet driverSettings = c.unwrap(JdbcConnection.class).getPropertySet();
      assertTrue(driverSettings.getBooleanProperty(PropertyKey.cachePrepStmts).getValue());
      assertTrue(driverSettings.getBooleanProperty(PropertyKey.useLocalSessionState).getValue());
      assertTrue(driverSettings.getBooleanProperty(PropertyKey.cacheResultSetMetadata).getValue());
      assertEquals(
          8,
          driverSettings.getIntegerProperty(PropertyKey.prepStmtCacheSize).getValue(),
          "a setting given in the URL wins over the tuning");
      try (var first = c.prepareStatement("SELECT ? + 1");
          var second = c.prepareStatement("SELECT ? + 1")) {
        first.setInt(1, 41);
        try (ResultSet rs = first.executeQuery()) {
          rs.next();
          assertEquals(42, rs.getInt(1));
        }
        second.setInt(1, 1);
        try (ResultSet rs = second.executeQuery()) {
          rs.next();
          assertEquals(2, rs.getInt(1));
        }
      }
    }
  }

  @Test
  void withoutEndpointTheServiceKeepsAnH2FileInTheDataDirectory(@TempDir Path dataDir)
      throws Exception {
    Map<String, Object> props = new HashMap<>(datasource());
    props.put("database.data-dir", dataDir.toString());
    props.put("micronaut.application.name", "express-svc");
    try (ApplicationContext ctx = ApplicationContext.run(props);
        Connection c = ctx.getBean(DataSource.class).getConnection()) {
      c.createStatement()
          .executeUpdate("CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(75))");
      c.createStatement().executeUpdate("INSERT INTO users VALUES (1, 'a@b.c')");
    }
    assertTrue(Files.exists(dataDir.resolve("express-svc.mv.db")));
    try (ApplicationContext ctx = ApplicationContext.run(props);
        Connection c = ctx.getBean(DataSource.class).getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT email FROM USERS WHERE id = 1")) {
      assertTrue(rs.next(), "data is kept for the next start");
      assertEquals("a@b.c", rs.getString(1));
    }
  }

  @Test
  void anUnreachableDatabaseIsReportedDown() {
    Map<String, Object> props = new HashMap<>(datasource());
    props.put("database.url", "jdbc:mysql://127.0.0.1:1/nothing?connectTimeout=500");
    props.put("datasources.default.initialization-fail-timeout", -1);
    try (ApplicationContext ctx = ApplicationContext.run(props)) {
      assertFalse(ctx.getBean(DatabaseHealth.class).isUp());
    }
  }

  @Test
  void aMalformedEndpointOrSchemaIsAClearConfigurationError() {
    Map<String, Object> props = new HashMap<>(datasource());
    props.put("database.endpoint", "db.example.com/evil");
    Exception e =
        assertThrows(
            Exception.class, () -> ApplicationContext.run(props).getBean(DataSource.class));
    assertTrue(messages(e).contains("DATABASE_ENDPOINT must be host[:port]"), messages(e));

    props.put("database.endpoint", "127.0.0.1:3306");
    props.put("database.schema", "x`; DROP DATABASE y");
    e =
        assertThrows(
            Exception.class, () -> ApplicationContext.run(props).getBean(DataSource.class));
    assertTrue(messages(e).contains("DATABASE_SCHEMA must be"), messages(e));
  }

  @Test
  void unreachableOrRefusedConnectionsAreRecognised() {
    assertTrue(
        DatabaseUnavailable.isCause(
            new RuntimeException(new java.sql.SQLTransientConnectionException("pool"))));
    assertTrue(DatabaseUnavailable.isCause(new java.net.ConnectException("refused")));
    assertFalse(DatabaseUnavailable.isCause(new java.sql.SQLSyntaxErrorException("bad sql")));
    assertFalse(DatabaseUnavailable.isCause(new IllegalStateException()));
  }

  private static Map<String, Object> datasource() {
    return Map.of(
        "datasources.default.maximum-pool-size",
        2,
        "datasources.default.connection-timeout",
        1000,
        "flyway.enabled",
        false,
        "notejam.session.secret",
        "test-secret-that-is-long-enough-0123456789");
  }

  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" | ");
    }
    return all.toString();
  }
}
