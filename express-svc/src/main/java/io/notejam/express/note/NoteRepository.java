package io.notejam.express.note;

import io.notejam.express.db.Database;
import io.notejam.express.pad.Pad;
import io.notejam.express.user.CurrentUser.PageQuery;
import io.notejam.express.user.SignedIn;
import jakarta.inject.Singleton;
import java.sql.Connection;
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
import java.util.Locale;
import java.util.Optional;

/** The {@code notes} table; every query is scoped to the owner. */
@Singleton
public class NoteRepository {
  /** Pad names come from the user's pads, read with the user: no join. */
  private static final String LIST = "SELECT n.id, n.name, n.pad_id, n.updated_at FROM notes n";

  private static final String COLUMNS =
      "SELECT id, pad_id, user_id, name, text, created_at, updated_at FROM notes";

  private final Database database;
  private final Clock clock;
  private volatile Boolean textByCollation;

  public NoteRepository(Database database) {
    this(database, Clock.systemUTC());
  }

  NoteRepository(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** All the user's notes, for "All notes" (read with the user). */
  public PageQuery<List<NoteListItem>> all(NoteOrder order) {
    return (c, user) ->
        list(
            c,
            user,
            LIST + " WHERE n.user_id = ?" + order.orderBy(sortsTextByCollation(c)),
            user.id());
  }

  /**
   * The user's notes in pad {@code padId} (none if it is not theirs, spec 8.6), read with the user.
   */
  public PageQuery<List<NoteListItem>> inPad(long padId, NoteOrder order) {
    return (c, user) ->
        list(
            c,
            user,
            LIST + " WHERE n.user_id = ? AND n.pad_id = ?" + order.orderBy(sortsTextByCollation(c)),
            user.id(),
            padId);
  }

  /**
   * Whether the database orders text by a collation rather than by bytes: MySQL and MariaDB (their
   * {@code _ci} collations), not H2. Asked once.
   */
  private boolean sortsTextByCollation(Connection c) throws SQLException {
    Boolean byCollation = textByCollation;
    if (byCollation == null) {
      byCollation =
          !c.getMetaData().getDatabaseProductName().toUpperCase(Locale.ROOT).contains("H2");
      textByCollation = byCollation;
    }
    return byCollation;
  }

  /** The note if it is the user's, read with the user. */
  public PageQuery<Optional<Note>> one(long id) {
    return (c, user) -> {
      try (PreparedStatement q = c.prepareStatement(COLUMNS + " WHERE id = ? AND user_id = ?")) {
        q.setLong(1, id);
        q.setLong(2, user.id());
        try (ResultSet row = q.executeQuery()) {
          return row.next() ? Optional.of(note(row)) : Optional.empty();
        }
      }
    };
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

  private List<NoteListItem> list(Connection c, SignedIn user, String sql, long... parameters)
      throws SQLException {
    Instant now = clock.instant();
    try (PreparedStatement q = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        q.setLong(i + 1, parameters[i]);
      }
      try (ResultSet row = q.executeQuery()) {
        List<NoteListItem> items = new ArrayList<>();
        while (row.next()) {
          Long padId = nullableLong(row, "pad_id");
          items.add(
              new NoteListItem(
                  row.getLong("id"),
                  row.getString("name"),
                  padId,
                  padId == null ? null : user.pad(padId).map(Pad::name).orElse(null),
                  RelativeTime.fromNow(instant(row, "updated_at"), now)));
        }
        return items;
      }
    }
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
