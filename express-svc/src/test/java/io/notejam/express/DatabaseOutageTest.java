package io.notejam.express;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.notejam.testsupport.TcpProxy;
import io.notejam.testsupport.TestDatabases;
import io.notejam.testsupport.TestSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The database goes away and comes back (through a TCP proxy the test controls): /health turns 503
 * and pages answer an HTML 503, never a stack trace; once the database is back, the service
 * recovers by itself. Needs a networked MySQL (skipped on H2).
 */
class DatabaseOutageTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void healthAndPagesFollowTheDatabaseDownAndBackUp() throws Exception {
    Assumptions.assumeTrue(TestDatabases.kind().isMysql(), "needs a networked MySQL");
    TestSchema schema = TestDatabases.freshSchema("express-outage");
    String[] endpoint = schema.endpoint().split(":");
    try (TcpProxy proxy = new TcpProxy(endpoint[0], Integer.parseInt(endpoint[1]))) {
      Map<String, Object> properties = new HashMap<>(schema.serviceProperties());
      properties.put("database.endpoint", "127.0.0.1:" + proxy.port());
      properties.put("micronaut.server.port", "-1");
      properties.put("datasources.default.maximum-pool-size", "2");
      properties.put("datasources.default.connection-timeout", "1000");
      try (ApplicationContext context = ApplicationContext.run(properties)) {
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        Rows.update(
            schema,
            "INSERT INTO users (email, password) VALUES ('outage@example.com', ?)",
            Fixtures.PASSWORD_HASH);
        Browser agent = Fixtures.signedIn(server.getURI(), "outage@example.com");
        assertEquals(200, agent.get("/health").status());

        proxy.cut();
        awaitStatus(agent, "/health", status -> status == 503);
        var page = agent.get("/express/");
        assertEquals(503, page.status());
        assertTrue(page.body().contains("<h1>Service Unavailable</h1>"), page.body());
        assertFalse(page.body().contains("Exception"));

        proxy.restore();
        awaitStatus(agent, "/health", status -> status == 200);
        awaitStatus(agent, "/express/", status -> status == 200);
        assertTrue(agent.get("/express/").body().contains("outage@example.com"), "still signed in");
      }
    }
  }

  private static void awaitStatus(Browser agent, String path, IntPredicate wanted)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    int status = agent.get(path).status();
    while (!wanted.test(status)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(path + " still answers " + status + " after " + PATIENCE);
      }
      Thread.sleep(200);
      status = agent.get(path).status();
    }
  }
}
