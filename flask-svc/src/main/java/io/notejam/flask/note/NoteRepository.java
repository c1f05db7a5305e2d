package io.notejam.flask.note;

import io.notejam.flask.db.Jdbc;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@code note} table; every lookup is scoped to its owner (spec 5.6). */
@Singleton
public final class NoteRepository {
  // The LEFT JOIN finds the pad only when it exists, so a pad_id of 0 (B1) reads as no pad.
  private static final String SELECT =
      "SELECT n.id, n.name, n.text, n.updated_at, n.pad_id, p.name"
          + " FROM note n LEFT JOIN pad p ON p.id = n.pad_id ";

  private final Jdbc jdbc;

  public NoteRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public List<Note> findByUser(long userId, NoteOrder order) {
    return jdbc.read(
        c -> list(c, SELECT + "WHERE n.user_id = ? ORDER BY " + order.sql(), userId, null));
  }

  public List<Note> findByPad(long padId, long userId, NoteOrder order) {
    return jdbc.read(
        c ->
            list(
                c,
                SELECT + "WHERE n.user_id = ? AND n.pad_id = ? ORDER BY " + order.sql(),
                userId,
                padId));
  }

  public Optional<Note> findOwned(long id, long userId) {
    return jdbc.read(
        c -> {
          List<Note> found = list(c, SELECT + "WHERE n.user_id = ? AND n.id = ?", userId, id);
          return found.stream().findFirst();
        });
  }

  /** Inserts a note; {@code padId} null means no pad (B1: never the original's 0). */
  public long create(String name, String text, long userId, Long padId) {
    return jdbc.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO note (name, text, created_at, updated_at, user_id, pad_id)"
                      + " VALUES (?, ?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            LocalDateTime now = now();
            ps.setString(1, name);
            ps.setString(2, text);
            ps.setObject(3, now);
            ps.setObject(4, now);
            ps.setLong(5, userId);
            setPad(ps, 6, padId);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              return keys.getLong(1);
            }
          }
        });
  }

  /**
   * Saves the edit form. Like the original's ORM, it writes (and moves {@code updated_at}) only
   * when a value really changed (spec 2.3).
   */
  public void update(Note note, String name, String text, Long padId) {
    if (Objects.equals(note.name(), name)
        && Objects.equals(note.text(), text)
        && Objects.equals(note.padId(), padId)) {
      return;
    }
    jdbc.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE note SET name = ?, text = ?, pad_id = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, name);
            ps.setString(2, text);
            setPad(ps, 3, padId);
            ps.setObject(4, now());
            ps.setLong(5, note.id());
            return ps.executeUpdate();
          }
        });
  }

  public void delete(long id) {
    jdbc.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM note WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate();
          }
        });
  }

  /** Local wall-clock time at whole seconds, as the original stored it on MySQL (spec 2.3). */
  private static LocalDateTime now() {
    return LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
  }

  private static void setPad(PreparedStatement ps, int index, Long padId) throws SQLException {
    if (padId == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setLong(index, padId);
    }
  }

  private static List<Note> list(Connection c, String sql, long userId, Long second)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, userId);
      if (second != null) {
        ps.setLong(2, second);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<Note> notes = new ArrayList<>();
        while (rs.next()) {
          LocalDateTime updated = rs.getObject(4, LocalDateTime.class);
          long pad = rs.getLong(5);
          Long padId = rs.wasNull() ? null : pad;
          notes.add(
              new Note(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  updated,
                  padId,
                  rs.getString(6)));
        }
        return notes;
      }
    }
  }
}
