package io.notejam.flask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database with the same secret, as tasks behind the load balancer without
 * sticky sessions: whichever answers reads the session, its flashes and its CSRF tokens.
 */
@MicronautTest
class CrossInstanceTest extends FlaskServiceTest {
  private static final String SECRET = "cross-instance-test-secret-0123456789abcdef";

  private EmbeddedServer second;

  @Override
  Map<String, String> extraProperties() {
    return Map.of("notejam.session.secret", SECRET);
  }

  @BeforeAll
  void startSecondInstance() {
    Map<String, Object> props = new HashMap<>(getProperties());
    props.put("micronaut.server.port", -1);
    second = ApplicationContext.run(EmbeddedServer.class, props);
  }

  @AfterAll
  void stopSecondInstance() {
    if (second != null) {
      second.getApplicationContext().close();
    }
  }

  @Test
  void aSessionMadeOnOneInstanceWorksOnTheOther() {
    assertNotEquals(server.getPort(), second.getPort());
    String email = uniqueEmail();
    Browser onFirst = signedIn(email);
    String token = onFirst.get("/flask/pads/create/").csrfToken();
    onFirst.post("/flask/pads/create/", "csrf_token", token, "name", "made on first");

    Browser onSecond = onFirst.withCookiesOn(second.getURI());
    Page home = onSecond.get("/flask");
    assertEquals(200, home.status());
    assertEquals(List.of("success: Pad is successfully created"), home.flashes());
    assertEquals("made on first", home.html().selectFirst("nav li a").text());

    Page created = onSecond.post("/flask/pads/create/", "csrf_token", token, "name", "on second");
    assertEquals(302, created.status(), "a token issued by the first instance");
    assertEquals(
        2,
        queryLong(
            "SELECT COUNT(*) FROM pad p JOIN `user` u ON u.id = p.user_id WHERE u.email = ?",
            email));
    Browser backOnFirst = onSecond.withCookiesOn(server.getURI());
    assertEquals(
        List.of("success: Pad is successfully created"), backOnFirst.get("/flask").flashes());
  }
}
