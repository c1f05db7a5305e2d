package io.notejam.flask;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import io.notejam.testsupport.TestDatabases;
import io.notejam.testsupport.TestSchema;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.TestInstance;

/**
 * What every service test shares: one fresh schema and one running service per test class
 * (subclasses carry {@code @MicronautTest}), browsers against it, and direct SQL for checking what
 * was stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FlaskServiceTest implements TestPropertyProvider {
  /** Cheap hashes for speed; {@link LegacyDatabaseTest} checks the real default. */
  static final String TEST_ITERATIONS = "1000";

  final TestSchema schema = TestDatabases.freshSchema("flask");

  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> props = new HashMap<>(schema.serviceProperties());
    props.put("notejam.flask.password.iterations", TEST_ITERATIONS);
    props.put("notejam.mail.transport", "log");
    props.putAll(extraProperties());
    return props;
  }

  /** Settings of one test class, e.g. {@code csrf.enabled}. */
  Map<String, String> extraProperties() {
    return Map.of();
  }

  Browser browser() {
    return new Browser(server.getURI());
  }

  static String uniqueEmail() {
    return "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  /** A browser signed in as a new user with password {@code password}. */
  Browser signedIn(String email) {
    Browser b = browser();
    b.submit(
        "/flask/signup/", "email", email, "password", "password", "repeat_password", "password");
    Page signin = b.submit("/flask/signin/", "email", email, "password", "password");
    if (signin.status() != 302) {
      throw new AssertionError("sign-in failed: " + signin.status() + "\n" + signin.body());
    }
    return b;
  }

  /** Creates a pad through the UI and returns its id, read from the sidebar link. */
  long createPad(Browser b, String name) {
    b.submit("/flask/pads/create/", "name", name);
    String href = b.get("/flask/pads/create/").html().select("nav li a").last().attr("href");
    return Long.parseLong(href.replaceAll("\\D", ""));
  }

  /** Creates a note through the UI ({@code pad} "0" for none) and returns its id. */
  long createNote(Browser b, String name, String text, String pad) {
    b.submit("/flask/notes/create/", "name", name, "text", text, "pad", pad);
    return queryLong("SELECT MAX(id) FROM note");
  }

  long queryLong(String sql, Object... args) {
    try (Connection c = schema.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  String queryString(String sql, Object... args) {
    try (Connection c = schema.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  void execute(String sql, Object... args) {
    try (Connection c = schema.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
