package io.notejam.express;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.notejam.testsupport.TestDatabases;
import io.notejam.testsupport.TestSchema;
import java.net.CookieManager;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two instances on one database with the same session secret, as tasks behind a load balancer
 * without sticky sessions: a user signed in on one goes on with the other, and signs out of both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossInstanceSessionTest {
  private static final String SECRET = "a-shared-secret-of-at-least-32-characters";
  private final TestSchema schema = TestDatabases.freshSchema("express-two");
  private ApplicationContext first;
  private ApplicationContext second;

  private Map<String, Object> properties(String secret) {
    Map<String, Object> properties = new HashMap<>(schema.serviceProperties());
    properties.put("micronaut.server.port", "-1");
    properties.put("datasources.default.maximum-pool-size", "2");
    if (secret != null) {
      properties.put("notejam.session.secret", secret);
    }
    return properties;
  }

  private static URI uri(ApplicationContext context) {
    return context.getBean(EmbeddedServer.class).getURI();
  }

  @BeforeAll
  void startTwoInstances() {
    first = ApplicationContext.run(properties(SECRET));
    first.getBean(EmbeddedServer.class).start();
    second = ApplicationContext.run(properties(SECRET));
    second.getBean(EmbeddedServer.class).start();
    Fixtures.apply(schema);
  }

  @AfterAll
  void stop() {
    first.close();
    second.close();
  }

  @Test
  void signInOnOneInstanceAndGoOnWithTheOther() {
    CookieManager cookies = new CookieManager();
    Browser one = new Browser(uri(first), cookies);
    Browser two = new Browser(uri(second), cookies);
    var signIn =
        one.follow(
            one.postJson("/express/signin", Fixtures.credentials(Fixtures.USER1, "password")));
    assertEquals(200, signIn.status());

    var list = two.get("/express/");
    assertEquals(200, list.status());
    assertTrue(list.body().contains(Fixtures.USER1));
    var created =
        two.follow(two.postJson("/express/notes/create", "{\"name\":\"from two\",\"text\":\"t\"}"));
    assertTrue(created.body().contains("Note is successfully created"), "flash carried by cookie");
    assertTrue(one.get("/express/").body().contains(">from two<"));

    assertEquals("/express/signin", two.get("/express/signout").location());
    assertEquals("/express/signin", one.get("/express/").location());
  }

  @Test
  void anInstanceWithAnotherSecretDoesNotTrustTheCookie() {
    try (ApplicationContext stranger =
        ApplicationContext.run(properties("another-secret-of-at-least-32-characters!"))) {
      stranger.getBean(EmbeddedServer.class).start();
      CookieManager cookies = new CookieManager();
      Browser one = new Browser(uri(first), cookies);
      Fixtures.signedIn(one.base(), Fixtures.USER1);
      one.postJson("/express/signin", Fixtures.credentials(Fixtures.USER1, "password"));
      assertEquals(
          "/express/signin", new Browser(uri(stranger), cookies).get("/express/").location());
    }
  }

  @Test
  void productionRefusesToStartWithoutASecret() {
    Map<String, Object> production = properties(null);
    production.put("environment", "production");
    assertThrows(RuntimeException.class, () -> ApplicationContext.run(production).close());
  }
}
