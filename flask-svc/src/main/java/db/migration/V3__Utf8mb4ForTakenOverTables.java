package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * B16: tables the original created carry the database's default charset (probably latin1 on RDS),
 * which cannot hold emoji and most scripts. Converts them to utf8mb4 with a case-insensitive
 * collation, so email matching stays case-insensitive (B14). Lossless for existing text; tables
 * this service created are utf8mb4 already and left alone. MySQL only: H2 stores Unicode anyway.
 */
public class V3__Utf8mb4ForTakenOverTables extends BaseJavaMigration {
  private static final List<String> TABLES = List.of("user", "pad", "note");

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    String product = c.getMetaData().getDatabaseProductName().toLowerCase();
    if (!product.contains("mysql") && !product.contains("mariadb")) {
      return;
    }
    for (String table : tablesToConvert(c)) {
      try (Statement st = c.createStatement()) {
        st.execute(
            "ALTER TABLE `"
                + table
                + "` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      }
    }
  }

  private static List<String> tablesToConvert(Connection c) throws SQLException {
    List<String> convert = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE()")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String table = rs.getString(1);
          String collation = rs.getString(2);
          if (TABLES.contains(table) && (collation == null || !collation.startsWith("utf8mb4"))) {
            convert.add(table);
          }
        }
      }
    }
    return convert;
  }
}
