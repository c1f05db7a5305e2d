package io.notejam.express.note;

import io.notejam.express.db.Database;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code notes} table; every query is scoped to the owner. */
@Singleton
public class NoteRepository {
  private static final String LIST =
      "SELECT n.id, n.name, n.pad_id, n.updated_at, p.name AS pad_name FROM notes n"
          + " LEFT JOIN pads p ON p.id = n.pad_id AND p.user_id = n.user_id";
  private static final String COLUMNS =
      "SELECT id, pad_id, user_id, name, text, created_at, updated_at FROM notes";

  private final Database database;
  private final Clock clock;

  public NoteRepository(Database database) {
    this(database, Clock.systemUTC());
  }

  NoteRepository(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** All the user's notes, for "All notes". */
  public List<NoteListItem> listFor(long userId, NoteOrder order) {
    return list(LIST + " WHERE n.user_id = ?" + order.orderBy(), userId);
  }

  /** The user's notes in one of their pads (never another user's note, spec 8.6). */
  public List<NoteListItem> listInPad(long padId, long userId, NoteOrder order) {
    return list(LIST + " WHERE n.user_id = ? AND n.pad_id = ?" + order.orderBy(), userId, padId);
  }

  public Optional<Note> find(long id, long userId) {
    return database.read(
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(COLUMNS + " WHERE id = ? AND user_id = ?")) {
            q.setLong(1, id);
            q.setLong(2, userId);
            try (ResultSet row = q.executeQuery()) {
              return row.next() ? Optional.of(note(row)) : Optional.empty();
            }
          }
        });
  }

  /** Creates the note with both timestamps set to now (spec 8.4). */
  public long create(long userId, NoteFields fields) {
    Timestamp now = Timestamp.from(clock.instant());
    return database.write(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO notes (pad_id, user_id, name, text, created_at, updated_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            setPad(insert, 1, fields.padId());
            insert.setLong(2, userId);
            insert.setString(3, fields.name());
            insert.setString(4, fields.text());
            insert.setTimestamp(5, now);
            insert.setTimestamp(6, now);
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
              key.next();
              return key.getLong(1);
            }
          }
        });
  }

  /**
   * Writes the fields and moves {@code updated_at} to now (spec 8.4).
   *
   * @return false when the note is gone or not the user's
   */
  public boolean update(long id, long userId, NoteFields fields) {
    return database.write(
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE notes SET name = ?, text = ?, pad_id = ?, updated_at = ?"
                      + " WHERE id = ? AND user_id = ?")) {
            update.setString(1, fields.name());
            update.setString(2, fields.text());
            setPad(update, 3, fields.padId());
            update.setTimestamp(4, Timestamp.from(clock.instant()));
            update.setLong(5, id);
            update.setLong(6, userId);
            return update.executeUpdate() == 1;
          }
        });
  }

  /**
   * @return false when the note is gone or not the user's
   */
  public boolean delete(long id, long userId) {
    return database.write(
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM notes WHERE id = ? AND user_id = ?")) {
            delete.setLong(1, id);
            delete.setLong(2, userId);
            return delete.executeUpdate() == 1;
          }
        });
  }

  private List<NoteListItem> list(String sql, long... parameters) {
    Instant now = clock.instant();
    return database.read(
        c -> {
          try (PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
              q.setLong(i + 1, parameters[i]);
            }
            try (ResultSet row = q.executeQuery()) {
              List<NoteListItem> items = new ArrayList<>();
              while (row.next()) {
                items.add(
                    new NoteListItem(
                        row.getLong("id"),
                        row.getString("name"),
                        nullableLong(row, "pad_id"),
                        row.getString("pad_name"),
                        RelativeTime.fromNow(instant(row, "updated_at"), now)));
              }
              return items;
            }
          }
        });
  }

  private static void setPad(PreparedStatement statement, int index, Long padId)
      throws SQLException {
    if (padId == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setLong(index, padId);
    }
  }

  private static Note note(ResultSet row) throws SQLException {
    return new Note(
        row.getLong("id"),
        nullableLong(row, "pad_id"),
        row.getLong("user_id"),
        row.getString("name"),
        row.getString("text"),
        instant(row, "created_at"),
        instant(row, "updated_at"));
  }

  private static Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
