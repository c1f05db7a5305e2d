package io.notejam.express.pad;

import io.notejam.express.db.Database;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The {@code pads} table; every query is scoped to the owner. A user's pads are read with the user
 * ({@link io.notejam.express.user.UserRepository#findWithPads}).
 */
@Singleton
public class PadRepository {
  private final Database database;

  public PadRepository(Database database) {
    this.database = database;
  }

  public Pad create(String name, long userId) {
    return database.write(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO pads (name, user_id) VALUES (?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, name);
            insert.setLong(2, userId);
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
              key.next();
              return new Pad(key.getLong(1), name, userId);
            }
          }
        });
  }

  /**
   * @return false when the pad is gone or not the user's
   */
  public boolean rename(long id, long userId, String name) {
    return database.write(
        c -> {
          try (PreparedStatement update =
              c.prepareStatement("UPDATE pads SET name = ? WHERE id = ? AND user_id = ?")) {
            update.setString(1, name);
            update.setLong(2, id);
            update.setLong(3, userId);
            return update.executeUpdate() == 1;
          }
        });
  }

  /**
   * Deletes the pad and, in the same transaction, detaches its notes first (spec 8.11): they stay,
   * with no pad, exactly as the original shows them after a delete, and no foreign key a database
   * may hold is ever violated.
   *
   * @return false when the pad is gone or not the user's
   */
  public boolean delete(long id, long userId) {
    return database.write(
        c -> {
          try (PreparedStatement lock =
                  c.prepareStatement(
                      "SELECT id FROM pads WHERE id = ? AND user_id = ? FOR UPDATE");
              PreparedStatement detach =
                  c.prepareStatement("UPDATE notes SET pad_id = NULL WHERE pad_id = ?");
              PreparedStatement delete = c.prepareStatement("DELETE FROM pads WHERE id = ?")) {
            lock.setLong(1, id);
            lock.setLong(2, userId);
            try (ResultSet owned = lock.executeQuery()) {
              if (!owned.next()) {
                return false;
              }
            }
            detach.setLong(1, id);
            detach.executeUpdate();
            delete.setLong(1, id);
            return delete.executeUpdate() == 1;
          }
        });
  }
}
