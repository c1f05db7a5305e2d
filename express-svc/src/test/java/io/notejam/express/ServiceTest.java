package io.notejam.express;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import io.notejam.testsupport.TestDatabases;
import io.notejam.testsupport.TestSchema;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the black-box tests: one running service per test class, on its own fresh schema
 * (MariaDB/MySQL from the environment here, else H2), talked to over HTTP only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServiceTest implements TestPropertyProvider {
  protected final TestSchema schema = TestDatabases.freshSchema("express");

  @Inject protected EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(schema.serviceProperties());
    properties.put("micronaut.server.port", "-1");
    properties.put("datasources.default.maximum-pool-size", "3");
    properties.putAll(extraProperties());
    return properties;
  }

  /** More configuration for one test class. */
  protected Map<String, String> extraProperties() {
    return Map.of();
  }

  protected URI base() {
    return server.getURI();
  }

  protected Browser browser() {
    return new Browser(base());
  }

  protected Browser signedIn(String email) {
    return Fixtures.signedIn(base(), email);
  }
}
