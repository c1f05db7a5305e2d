package io.notejam.testsupport;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.localstack.LocalStackContainer;

/**
 * The AWS API endpoint tests talk to, chosen once per JVM: {@code AWS_ENDPOINT_URL} (moto_server on
 * the CI machine), else a Testcontainers LocalStack when a Docker engine answers, else none — and
 * then {@link #endpoint()} aborts the calling test, which JUnit reports as skipped with the reason.
 */
public final class TestAws {
  public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";
  public static final String REGION = "us-east-1";
  public static final String ACCESS_KEY = "test";
  public static final String SECRET_KEY = "test";
  static final String LOCALSTACK_IMAGE = "localstack/localstack:4.4";

  private static final Logger LOG = LoggerFactory.getLogger(TestAws.class);
  private static Emulator emulator;

  private TestAws() {}

  /** The emulator's endpoint; skips the calling test (visibly) when no emulator can be had. */
  public static synchronized URI endpoint() {
    Emulator e = emulator();
    Assumptions.assumeTrue(
        e.endpoint != null,
        "No AWS emulator: set " + ENDPOINT_VARIABLE + " (e.g. to a moto_server) or run Docker");
    return e.endpoint;
  }

  /** Which emulator answers at {@link #endpoint()}: {@code moto}, {@code localstack}. */
  public static synchronized String flavour() {
    endpoint();
    return emulator().flavour;
  }

  /**
   * The settings a service (or an AWS SDK client) needs to talk to the emulator: endpoint, region
   * and dummy credentials, as system-property-style keys of the services' configuration.
   */
  public static Map<String, String> serviceProperties() {
    return Map.of(
        "aws.endpoint-url", endpoint().toString(),
        "aws.region", REGION,
        "aws.access-key-id", ACCESS_KEY,
        "aws.secret-access-key", SECRET_KEY);
  }

  private static Emulator emulator() {
    if (emulator == null) {
      emulator = chooseEmulator();
      LOG.info("AWS emulator: {}", emulator);
    }
    return emulator;
  }

  private static Emulator chooseEmulator() {
    String url = System.getenv(ENDPOINT_VARIABLE);
    if (url != null && !url.isBlank()) {
      URI uri = URI.create(url.trim());
      return new Emulator(uri, EmulatorMailbox.isLocalStack(uri) ? "localstack" : "moto");
    }
    if (TestDatabases.dockerAvailable()) {
      LocalStackContainer localstack = new LocalStackContainer(LOCALSTACK_IMAGE);
      localstack.start();
      return new Emulator(localstack.getEndpoint(), "localstack");
    }
    return new Emulator(null, "none");
  }

  private record Emulator(URI endpoint, String flavour) {
    @Override
    public String toString() {
      return endpoint == null
          ? "none (AWS tests are skipped; set " + ENDPOINT_VARIABLE + " or run Docker)"
          : flavour + " at " + endpoint;
    }
  }
}
