package io.notejam.testsupport;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.testcontainers.mysql.MySQLContainer;

/** A database server that test schemas are made on: one of the three branches of the harness. */
final class DatabaseServer {
  static final String MYSQL_IMAGE = "mysql:8.4";
  private static final SecureRandom RANDOM = new SecureRandom();

  final DatabaseKind kind;
  private final String serverUrl;
  private final String user;
  private final String password;
  private final List<String> created = new CopyOnWriteArrayList<>();

  private DatabaseServer(DatabaseKind kind, String serverUrl, String user, String password) {
    this.kind = kind;
    this.serverUrl = serverUrl;
    this.user = user;
    this.password = password;
  }

  /** Env URL first, then Docker (asked only when needed), then H2. */
  static DatabaseServer select(Map<String, String> env, BooleanSupplier dockerAvailable) {
    String url = env.get(TestDatabases.URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      return new DatabaseServer(
          DatabaseKind.EXTERNAL_MYSQL,
          url.trim(),
          env.getOrDefault(TestDatabases.USER_VARIABLE, "root"),
          env.getOrDefault(TestDatabases.PASSWORD_VARIABLE, ""));
    }
    if (dockerAvailable.getAsBoolean()) {
      MySQLContainer mysql = new MySQLContainer(MYSQL_IMAGE).withUsername("root");
      mysql.start();
      return new DatabaseServer(
          DatabaseKind.TESTCONTAINERS_MYSQL,
          "jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306) + "/",
          "root",
          mysql.getPassword());
    }
    return new DatabaseServer(DatabaseKind.H2, "jdbc:h2:mem:", "sa", "");
  }

  TestSchema freshSchema(String label) {
    String word = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String name = "t_" + word.substring(0, Math.min(20, word.length())) + "_" + randomSuffix();
    if (kind == DatabaseKind.H2) {
      // DB_CLOSE_DELAY keeps the in-memory database alive between the test's connections.
      return new TestSchema(
          name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", user, password, kind);
    }
    try (Connection c = DriverManager.getConnection(serverUrl, user, password);
        Statement st = c.createStatement()) {
      st.executeUpdate(
          "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test schema " + name + " on " + this, e);
    }
    created.add(name);
    return new TestSchema(name, withDatabase(serverUrl, name), user, password, kind);
  }

  /** Drops the schemas this server made; run at JVM exit. */
  void dropCreatedSchemas() {
    if (created.isEmpty()) {
      return;
    }
    try (Connection c = DriverManager.getConnection(serverUrl, user, password);
        Statement st = c.createStatement()) {
      for (String name : created) {
        st.executeUpdate("DROP DATABASE IF EXISTS `" + name + "`");
      }
      created.clear();
    } catch (SQLException e) {
      // Leftover t_* schemas are harmless, and named so they can be found and dropped by hand.
      System.err.println("Could not drop test schemas " + created + ": " + e.getMessage());
    }
  }

  private static String randomSuffix() {
    StringBuilder sb = new StringBuilder(10);
    for (int i = 0; i < 10; i++) {
      sb.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return sb.toString();
  }

  /** Puts {@code database} as the path of a {@code jdbc:mysql://host:port/...?...} URL. */
  static String withDatabase(String serverUrl, String database) {
    URI uri = URI.create(serverUrl.substring("jdbc:".length()));
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
    return "jdbc:" + uri.getScheme() + "://" + uri.getHost() + port + "/" + database + query;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case EXTERNAL_MYSQL ->
          "external server " + serverUrl + " (from " + TestDatabases.URL_VARIABLE + ")";
      case TESTCONTAINERS_MYSQL -> "Testcontainers " + MYSQL_IMAGE + " at " + serverUrl;
      case H2 ->
          "embedded H2 in MySQL mode (set "
              + TestDatabases.URL_VARIABLE
              + " or run Docker for a real MySQL)";
    };
  }
}
