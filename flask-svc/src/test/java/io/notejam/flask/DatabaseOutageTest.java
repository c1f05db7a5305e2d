package io.notejam.flask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.notejam.testsupport.TcpProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The database goes away and comes back (through a relay the test cuts): {@code /health} turns 503
 * so the load balancer stops sending traffic, pages answer a plain 503 rather than a stack trace,
 * and both recover by themselves. MySQL only: an embedded H2 cannot go away.
 */
@MicronautTest
class DatabaseOutageTest extends FlaskServiceTest {
  private TcpProxy proxy;

  @Override
  public Map<String, String> getProperties() {
    Assumptions.assumeTrue(schema.kind().isMysql(), "needs a database on the network");
    String[] endpoint = schema.endpoint().split(":");
    try {
      proxy = new TcpProxy(endpoint[0], Integer.parseInt(endpoint[1]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> props = new HashMap<>(super.getProperties());
    props.put("database.endpoint", "127.0.0.1:" + proxy.port());
    props.put("datasources.default.connection-timeout", "1000");
    props.put("datasources.default.validation-timeout", "1000");
    return props;
  }

  @AfterAll
  void closeProxy() throws IOException {
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void healthFollowsTheDatabaseAndPagesFailCleanly() throws Exception {
    Browser user = signedIn(uniqueEmail());
    assertEquals(200, browser().get("/health").status());

    proxy.cut();
    awaitStatus(503, () -> browser().get("/health").status());
    Page page = user.get("/flask");
    assertEquals(503, page.status());
    assertEquals("503 Service Unavailable", page.title());
    assertFalse(page.body().contains("Exception"));
    assertEquals(503, browser().get("/health").status());

    proxy.restore();
    awaitStatus(200, () -> browser().get("/health").status());
    awaitStatus(200, () -> user.get("/flask").status());
    assertEquals("All notes (0)", user.get("/flask").title(), "the session survived the outage");
  }

  /** Health is re-checked at most once a second; give it a few. */
  private static void awaitStatus(int expected, IntSupplier status) throws InterruptedException {
    int last = -1;
    for (int i = 0; i < 40 && last != expected; i++) {
      last = status.getAsInt();
      if (last != expected) {
        Thread.sleep(250);
      }
    }
    assertEquals(expected, last);
  }
}
