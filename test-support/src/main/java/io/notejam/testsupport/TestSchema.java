package io.notejam.testsupport;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One empty database schema that belongs to one test class.
 *
 * @param name the schema (MySQL database) name, unique per JVM run
 * @param jdbcUrl a JDBC URL whose default schema is {@code name}
 * @param username user with full rights on the schema
 * @param password that user's password (may be empty)
 * @param kind which branch of the harness produced it
 */
public record TestSchema(
    String name, String jdbcUrl, String username, String password, DatabaseKind kind) {

  /** Opens a plain JDBC connection to the schema, for fixtures and assertions. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, username, password);
  }

  /**
   * The services' configuration for this schema, in the names of their environment contract ({@code
   * DATABASE_*} maps to {@code database.*}). MySQL schemas are given as endpoint + schema, exactly
   * as ECS passes them; H2 as a full URL.
   */
  public Map<String, String> serviceProperties() {
    Map<String, String> props = new LinkedHashMap<>();
    if (kind.isMysql()) {
      props.put("database.endpoint", endpoint());
      props.put("database.schema", name);
    } else {
      props.put("database.url", jdbcUrl);
    }
    props.put("database.username", username);
    props.put("database.password", password);
    return props;
  }

  /** {@code host:port} of a MySQL server, as {@code DATABASE_ENDPOINT} carries it. */
  public String endpoint() {
    if (!kind.isMysql()) {
      throw new IllegalStateException("An H2 schema has no network endpoint");
    }
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    return uri.getHost() + ":" + (uri.getPort() == -1 ? 3306 : uri.getPort());
  }
}
