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
  private static final String BY_ID =
      "SELECT n.id, n.name, n.updated_at, n.pad_id, p.name, n.text"
          + " FROM note n LEFT JOIN pad p ON p.id = n.pad_id WHERE n.user_id = ? AND n.id = ?";

  /** The lists' columns: {@link #BY_ID}'s without the text. */
  static final String LIST =
      "SELECT n.id, n.name, n.updated_at, n.pad_id, p.name"
          + " FROM note n LEFT JOIN pad p ON p.id = n.pad_id ";

  private final Jdbc jdbc;

  public NoteRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public List<ListedNote> findByUser(Connection c, long userId, NoteOrder order)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(order.byUser)) {
      ps.setLong(1, userId);
      return list(ps);
    }
  }

  public List<ListedNote> findByPad(Connection c, long padId, long userId, NoteOrder order)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(order.byPad)) {
      ps.setLong(1, userId);
      ps.setLong(2, padId);
      return list(ps);
    }
  }

  public Optional<Note> findOwned(long id, long userId) {
    return jdbc.read(c -> findOwned(c, id, userId));
  }

  public Optional<Note> findOwned(Connection c, long id, long userId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(BY_ID)) {
      ps.setLong(1, userId);
      ps.setLong(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        ListedNote n = listed(rs);
        return Optional.of(
            new Note(n.id(), n.name(), rs.getString(6), n.updatedAt(), n.padId(), n.padName()));
      }
    }
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

  private static List<ListedNote> list(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      List<ListedNote> notes = new ArrayList<>();
      while (rs.next()) {
        notes.add(listed(rs));
      }
      return notes;
    }
  }

  /** Columns 1-5 of the row: id, name, updated_at, pad_id, the pad's name. */
  private static ListedNote listed(ResultSet rs) throws SQLException {
    LocalDateTime updated = rs.getObject(3, LocalDateTime.class);
    long pad = rs.getLong(4);
    Long padId = rs.wasNull() ? null : pad;
    return new ListedNote(rs.getLong(1), rs.getString(2), updated, padId, rs.getString(5));
  }
}
