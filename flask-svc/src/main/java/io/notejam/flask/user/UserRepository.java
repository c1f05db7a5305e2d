package io.notejam.flask.user;

import io.notejam.flask.db.Jdbc;
import io.notejam.flask.pad.Pad;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code user} table. Emails match case-insensitively, as MySQL's {@code _ci} collations made
 * the original behave (B14), whatever the column's collation or the database.
 */
@Singleton
public final class UserRepository {
  private static final String COLUMNS = "SELECT id, email, password FROM `user` ";

  private final Jdbc jdbc;

  public UserRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<User> findById(long id) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(COLUMNS + "WHERE id = ?")) {
            ps.setLong(1, id);
            return one(ps);
          }
        });
  }

  /**
   * The user and their pads in creation order (B17), in one round trip: a user row per pad, or one
   * with NULL pad columns when there is none.
   */
  public Optional<UserWithPads> findWithPads(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT u.id, u.email, u.password, p.id, p.name FROM `user` u"
                + " LEFT JOIN pad p ON p.user_id = u.id WHERE u.id = ? ORDER BY p.id")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        User user = new User(rs.getLong(1), rs.getString(2), rs.getString(3));
        List<Pad> pads = new ArrayList<>();
        do {
          long padId = rs.getLong(4);
          if (!rs.wasNull()) {
            pads.add(new Pad(padId, rs.getString(5), user.id()));
          }
        } while (rs.next());
        return Optional.of(new UserWithPads(user, pads));
      }
    }
  }

  public Optional<User> findByEmail(String email) {
    return jdbc.read(c -> findByEmail(c, email));
  }

  /**
   * The user with this email, on a caller's connection. LOWER() on both sides: the column may carry
   * a binary or case-sensitive collation on a database we took over.
   */
  public Optional<User> findByEmail(Connection c, String email) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(COLUMNS + "WHERE LOWER(email) = LOWER(?) ORDER BY id")) {
      ps.setString(1, email);
      return one(ps);
    }
  }

  /** Inserts a user; the caller has checked the email is free. */
  public void create(String email, String passwordHash) {
    jdbc.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO `user` (email, password) VALUES (?, ?)")) {
            ps.setString(1, email);
            ps.setString(2, passwordHash);
            return ps.executeUpdate();
          }
        });
  }

  public void updatePassword(long userId, String passwordHash) {
    jdbc.inTransaction(c -> updatePassword(c, userId, passwordHash));
  }

  public int updatePassword(Connection c, long userId, String passwordHash) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE `user` SET password = ? WHERE id = ?")) {
      ps.setString(1, passwordHash);
      ps.setLong(2, userId);
      return ps.executeUpdate();
    }
  }

  private static Optional<User> one(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next()
          ? Optional.of(new User(rs.getLong(1), rs.getString(2), rs.getString(3)))
          : Optional.empty();
    }
  }
}
