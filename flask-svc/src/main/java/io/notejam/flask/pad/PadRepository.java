package io.notejam.flask.pad;

import io.notejam.flask.db.Jdbc;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code pad} table; every lookup is scoped to its owner (spec 5.6). */
@Singleton
public final class PadRepository {
  private final Jdbc jdbc;

  public PadRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** The user's pads in creation order (B17: the original had no ORDER BY). */
  public List<Pad> findByUser(long userId) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT id, name FROM pad WHERE user_id = ? ORDER BY id")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
              List<Pad> pads = new ArrayList<>();
              while (rs.next()) {
                pads.add(new Pad(rs.getLong(1), rs.getString(2), userId));
              }
              return pads;
            }
          }
        });
  }

  public Optional<Pad> findOwned(long id, long userId) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT name FROM pad WHERE id = ? AND user_id = ?")) {
            ps.setLong(1, id);
            ps.setLong(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new Pad(id, rs.getString(1), userId))
                  : Optional.<Pad>empty();
            }
          }
        });
  }

  public long create(String name, long userId) {
    return jdbc.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO pad (name, user_id) VALUES (?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.setLong(2, userId);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              return keys.getLong(1);
            }
          }
        });
  }

  public void rename(long id, String name) {
    jdbc.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("UPDATE pad SET name = ? WHERE id = ?")) {
            ps.setString(1, name);
            ps.setLong(2, id);
            return ps.executeUpdate();
          }
        });
  }

  /**
   * Deletes the pad and, first and in the same transaction, every note in it: the ORM cascade of
   * the original, which the schema itself does not have (spec 2.2).
   */
  public void delete(long id) {
    jdbc.inTransaction(
        c -> {
          try (PreparedStatement notes = c.prepareStatement("DELETE FROM note WHERE pad_id = ?");
              PreparedStatement pad = c.prepareStatement("DELETE FROM pad WHERE id = ?")) {
            notes.setLong(1, id);
            notes.executeUpdate();
            pad.setLong(1, id);
            return pad.executeUpdate();
          }
        });
  }
}
