package io.notejam.flask;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.notejam.testsupport.TestDatabases;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** In production the service refuses to start without a shared session secret (B20). */
class ProductionSecretTest {

  @Test
  void productionWithoutASecretDoesNotStart() {
    Map<String, Object> props =
        new HashMap<>(TestDatabases.freshSchema("flaskprod").serviceProperties());
    props.put("environment", "production");
    props.put("micronaut.server.port", -1);
    RuntimeException e =
        assertThrows(
            RuntimeException.class, () -> ApplicationContext.run(EmbeddedServer.class, props));
    String messages = "";
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages += t.getMessage() + "\n";
    }
    assertTrue(messages.contains("NOTEJAM_SESSION_SECRET"), messages);
  }
}
