package io.notejam.flask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Taking over a database the original created: its SQLAlchemy DDL, made by hand in latin1 (the RDS
 * default) with rows and a Werkzeug 0.8.3 {@code sha1$} user, before the service starts. Flyway
 * baselines over it, the user signs in unchanged, the hash is rewritten as PBKDF2 at the default
 * strength, and nothing is lost. MySQL only, like the original's production.
 */
@MicronautTest
class LegacyDatabaseTest extends FlaskServiceTest {
  /** Werkzeug 0.8.3's hash of "pw", produced by the original app (spec 3.3). */
  private static final String LEGACY_HASH =
      "sha1$m62QypQL$f0e29a9fb1a2c117e521c70703c04b29cb25a39e";

  @Override
  public Map<String, String> getProperties() {
    Assumptions.assumeTrue(schema.kind().isMysql(), "the original's DDL is MySQL's");
    createTheOriginalsTables();
    Map<String, String> props = new HashMap<>(super.getProperties());
    props.remove("notejam.flask.password.iterations"); // the real default
    return props;
  }

  private void createTheOriginalsTables() {
    try (Connection c = schema.connect();
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE user (id INTEGER NOT NULL AUTO_INCREMENT, email VARCHAR(120),"
              + " password VARCHAR(100), PRIMARY KEY (id), UNIQUE (email)) DEFAULT CHARSET=latin1");
      st.execute(
          "CREATE TABLE pad (id INTEGER NOT NULL AUTO_INCREMENT, name VARCHAR(100),"
              + " user_id INTEGER, PRIMARY KEY (id), FOREIGN KEY(user_id) REFERENCES user (id))"
              + " DEFAULT CHARSET=latin1");
      st.execute(
          "CREATE TABLE note (id INTEGER NOT NULL AUTO_INCREMENT, name VARCHAR(100), text TEXT,"
              + " created_at DATETIME, updated_at DATETIME, user_id INTEGER, pad_id INTEGER,"
              + " PRIMARY KEY (id), FOREIGN KEY(user_id) REFERENCES user (id),"
              + " FOREIGN KEY(pad_id) REFERENCES pad (id)) DEFAULT CHARSET=latin1");
      st.execute(
          "INSERT INTO user (id, email, password) VALUES (7, 'Legacy@Example.com', '"
              + LEGACY_HASH
              + "')");
      st.execute("INSERT INTO pad (id, name, user_id) VALUES (3, 'Caf\u00e9 pad', 7)");
      st.execute(
          "INSERT INTO note VALUES (5, 'old note', 'kept text', '2019-05-01 10:00:00',"
              + " '2019-05-02 11:30:00', 7, 3)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theOriginalsUserSignsInAndTheHashIsUpgraded() {
    Browser b = browser();
    Page signin = b.submit("/flask/signin/", "email", "legacy@example.com", "password", "pw");
    assertEquals(302, signin.status(), signin.body());
    String hash = queryString("SELECT password FROM `user` WHERE id = 7");
    assertTrue(hash.startsWith("pbkdf2:sha256:600000$"), hash);
    assertEquals(
        "Legacy@Example.com",
        queryString("SELECT email FROM `user` WHERE id = 7"),
        "kept as typed");

    Page home = b.get("/flask");
    assertEquals("All notes (1)", home.title());
    assertEquals("old note", home.html().selectFirst("td a").text());
    assertEquals("Caf\u00e9 pad", home.html().selectFirst("td.pad a").text());
    assertEquals("2019-05-02", home.html().selectFirst("td.date").text());
    assertEquals("kept text", b.get("/flask/notes/5/").html().selectFirst("div.note").text());

    b.get("/flask/signout/");
    assertEquals(
        302,
        b.submit("/flask/signin/", "email", "Legacy@Example.com", "password", "pw").status(),
        "the upgraded hash verifies");
    assertEquals(
        200, b.submit("/flask/signin/", "email", "Legacy@Example.com", "password", "PW").status());
  }

  @Test
  void flywayBaselinedAndMigratedWithoutTouchingTheRows() {
    assertEquals(
        List.of("0", "1", "2", "3"),
        List.of(
            queryString("SELECT version FROM flyway_schema_history WHERE installed_rank = 1"),
            queryString("SELECT version FROM flyway_schema_history WHERE installed_rank = 2"),
            queryString("SELECT version FROM flyway_schema_history WHERE installed_rank = 3"),
            queryString("SELECT version FROM flyway_schema_history WHERE installed_rank = 4")));
    assertEquals(
        255,
        queryLong(
            "SELECT CHARACTER_MAXIMUM_LENGTH FROM information_schema.COLUMNS WHERE TABLE_SCHEMA ="
                + " DATABASE() AND TABLE_NAME = 'user' AND COLUMN_NAME = 'password'"));
    assertEquals(1, queryLong("SELECT COUNT(*) FROM note WHERE id = 5 AND pad_id = 3"));
  }

  @Test
  void takenOverTablesNowHoldEmoji() {
    Browser b = browser();
    b.submit("/flask/signin/", "email", "legacy@example.com", "password", "pw");
    Page created =
        b.submit("/flask/notes/create/", "name", "emoji 😀", "text", "日本語 😀", "pad", "3");
    assertEquals("/flask/pads/3/", created.location());
    assertEquals("日本語 😀", queryString("SELECT text FROM note WHERE name = 'emoji 😀'"));
    assertEquals("Caf\u00e9 pad", queryString("SELECT name FROM pad WHERE id = 3"));
  }
}
