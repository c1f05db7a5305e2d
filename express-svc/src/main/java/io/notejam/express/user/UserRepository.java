package io.notejam.express.user;

import io.notejam.express.db.Database;
import io.notejam.express.db.DuplicateKeys;
import io.notejam.express.pad.Pad;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code users} table. */
@Singleton
public class UserRepository {
  private final Database database;

  public UserRepository(Database database) {
    this.database = database;
  }

  /**
   * The user and their pads by ascending id, in one query (one row per pad, or one without), on the
   * caller's connection.
   */
  public Optional<SignedIn> findWithPads(Connection c, long id) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT u.id, u.email, u.password, p.id AS pad_id, p.name AS pad_name"
                + " FROM users u LEFT JOIN pads p ON p.user_id = u.id"
                + " WHERE u.id = ? ORDER BY p.id")) {
      q.setLong(1, id);
      try (ResultSet row = q.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        User user = user(row);
        List<Pad> pads = new ArrayList<>();
        do {
          long padId = row.getLong("pad_id");
          if (!row.wasNull()) {
            pads.add(new Pad(padId, row.getString("pad_name"), user.id()));
          }
        } while (row.next());
        return Optional.of(new SignedIn(user, pads));
      }
    }
  }

  public Optional<User> findById(long id) {
    return database.read(
        c -> {
          try (PreparedStatement q =
              c.prepareStatement("SELECT id, email, password FROM users WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet row = q.executeQuery()) {
              return row.next() ? Optional.of(user(row)) : Optional.empty();
            }
          }
        });
  }

  /**
   * The first user (lowest id) whose email is exactly {@code email}. Matching is case-sensitive
   * whatever the column collation says, as in the original's test database (spec 8.23).
   */
  public Optional<User> findByEmail(String email) {
    return database.read(c -> findByEmail(c, email));
  }

  /**
   * Creates a user unless one with this exact email exists (checked and inserted in one
   * transaction; the unique index catches a concurrent twin).
   *
   * @return the new user, or empty when the email is taken
   */
  public Optional<User> create(String email, String passwordHash) {
    try {
      return database.write(
          c -> {
            if (findByEmail(c, email).isPresent()) {
              return Optional.empty();
            }
            try (PreparedStatement insert =
                c.prepareStatement(
                    "INSERT INTO users (email, password) VALUES (?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
              insert.setString(1, email);
              insert.setString(2, passwordHash);
              insert.executeUpdate();
              try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                return Optional.of(new User(key.getLong(1), email, passwordHash));
              }
            }
          });
    } catch (RuntimeException e) {
      if (e.getCause() instanceof SQLException sql && DuplicateKeys.isDuplicateKey(sql)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  public void changePassword(long userId, String passwordHash) {
    database.write(
        c -> {
          try (PreparedStatement update =
              c.prepareStatement("UPDATE users SET password = ? WHERE id = ?")) {
            update.setString(1, passwordHash);
            update.setLong(2, userId);
            return update.executeUpdate();
          }
        });
  }

  private static Optional<User> findByEmail(Connection c, String email) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement("SELECT id, email, password FROM users WHERE email = ? ORDER BY id")) {
      q.setString(1, email);
      try (ResultSet row = q.executeQuery()) {
        while (row.next()) {
          User user = user(row);
          if (user.email().equals(email)) {
            return Optional.of(user);
          }
        }
        return Optional.empty();
      }
    }
  }

  private static User user(ResultSet row) throws SQLException {
    return new User(row.getLong("id"), row.getString("email"), row.getString("password"));
  }
}
