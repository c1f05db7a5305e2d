package io.notejam.express;

import io.notejam.testsupport.TestSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads and writes rows directly, to check what the service stored or to age a row. */
final class Rows {
  private Rows() {}

  /** The first column of the first row, or null. */
  static Object value(TestSchema schema, String sql, Object... parameters) {
    try (Connection c = schema.connect();
        PreparedStatement q = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        q.setObject(i + 1, parameters[i]);
      }
      try (ResultSet row = q.executeQuery()) {
        return row.next() ? row.getObject(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  static long number(TestSchema schema, String sql, Object... parameters) {
    return ((Number) value(schema, sql, parameters)).longValue();
  }

  static int update(TestSchema schema, String sql, Object... parameters) {
    try (Connection c = schema.connect();
        PreparedStatement q = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        q.setObject(i + 1, parameters[i]);
      }
      return q.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
