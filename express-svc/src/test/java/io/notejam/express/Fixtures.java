package io.notejam.express;

import io.notejam.testsupport.TestSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The original suite's fixtures (spec 7.2): two users with password {@code password}, user 1 owns
 * pads 1 and 2 and notes 1 and 2 (both in pad 1), user 2 owns nothing. Timestamps are a fixed past
 * instant (the original stores 1 ms after the epoch, which MySQL's TIMESTAMP cannot hold).
 */
final class Fixtures {
  /** bcryptjs's hash of {@code password}, as the original's fixtures store it. */
  static final String PASSWORD_HASH =
      "$2a$10$mhkqpUvPPs.zoRSTiGAEKODOJMljkOY96zludIIw.Pop1UvQCTx8u";

  static final String USER1 = "user1@example.com";
  static final String USER2 = "user2@example.com";
  static final String PASSWORD = "password";

  private Fixtures() {}

  static void apply(TestSchema schema) {
    try (Connection c = schema.connect();
        Statement sql = c.createStatement()) {
      sql.executeUpdate("DELETE FROM notes");
      sql.executeUpdate("DELETE FROM pads");
      sql.executeUpdate("DELETE FROM users");
      sql.executeUpdate(
          "INSERT INTO users (id, email, password) VALUES (1, '"
              + USER1
              + "', '"
              + PASSWORD_HASH
              + "'), (2, '"
              + USER2
              + "', '"
              + PASSWORD_HASH
              + "')");
      sql.executeUpdate(
          "INSERT INTO pads (id, name, user_id) VALUES (1, 'Pad 1', 1), (2, 'Pad 2', 1)");
      sql.executeUpdate(
          "INSERT INTO notes (id, pad_id, user_id, name, text, created_at, updated_at) VALUES"
              + " (1, 1, 1, 'Note 1', 'Text', '2000-01-01 00:00:00', '2000-01-01 00:00:00'),"
              + " (2, 1, 1, 'Note 2', 'Text', '2000-01-01 00:00:00', '2000-01-01 00:00:00')");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not apply the fixtures", e);
    }
  }

  /** JSON for a sign-in or sign-up body. */
  static String credentials(String email, String password) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
  }

  /** A browser signed in as {@code email} (password {@code password}), asserting it worked. */
  static Browser signedIn(java.net.URI base, String email) {
    Browser browser = new Browser(base);
    Browser.Followed result =
        browser.postJsonFollowing("/express/signin", credentials(email, PASSWORD));
    if (result.status() != 200 || !result.body().contains(email)) {
      throw new IllegalStateException("Sign-in as " + email + " failed: " + result.status());
    }
    return browser;
  }
}
