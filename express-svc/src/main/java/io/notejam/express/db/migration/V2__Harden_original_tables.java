package io.notejam.express.db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hardens the original tables without losing a row, and without breaking the original app should it
 * still run against the same database:
 *
 * <ul>
 *   <li>on MySQL, converts tables the original left in the server's default charset (latin1 on RDS
 *       5.7) to utf8mb4, so any text a user types can be stored;
 *   <li>widens {@code notes.text} so that every note the 100 kB request limit lets through fits;
 *   <li>adds the unique email index the original lacked (spec 8.29) — unless the original already
 *       let duplicates in, which is logged, since adding it would mean deleting a user;
 *   <li>indexes the owner and pad columns every page filters on.
 * </ul>
 */
public class V2__Harden_original_tables extends BaseJavaMigration {
  private static final Logger LOG = LoggerFactory.getLogger(V2__Harden_original_tables.class);
  private static final List<String> TABLES = List.of("users", "pads", "notes");

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    boolean mysql = !connection.getMetaData().getDatabaseProductName().toUpperCase().contains("H2");
    try (Statement sql = connection.createStatement()) {
      if (mysql) {
        for (String table : TABLES) {
          if (!"utf8mb4".equalsIgnoreCase(charsetOf(connection, table))) {
            sql.execute("ALTER TABLE " + table + " CONVERT TO CHARACTER SET utf8mb4");
          }
        }
        sql.execute("ALTER TABLE notes MODIFY text MEDIUMTEXT NOT NULL");
      }
      if (hasDuplicateEmails(sql)) {
        LOG.warn(
            "users holds duplicate emails written by the original app: unique index not added;"
                + " sign-up still refuses new duplicates");
      } else {
        sql.execute("CREATE UNIQUE INDEX users_email_unique ON users (email)");
      }
      sql.execute("CREATE INDEX pads_user_id ON pads (user_id)");
      sql.execute("CREATE INDEX notes_user_id ON notes (user_id)");
      sql.execute("CREATE INDEX notes_pad_id ON notes (pad_id)");
    }
  }

  private static String charsetOf(Connection connection, String table) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT c.character_set_name FROM information_schema.tables t"
                + " JOIN information_schema.collation_character_set_applicability c"
                + " ON c.collation_name = t.table_collation"
                + " WHERE t.table_schema = DATABASE() AND t.table_name = ?")) {
      query.setString(1, table);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  private static boolean hasDuplicateEmails(Statement sql) throws SQLException {
    try (ResultSet row =
        sql.executeQuery("SELECT email FROM users GROUP BY email HAVING COUNT(*) > 1")) {
      return row.next();
    }
  }
}
