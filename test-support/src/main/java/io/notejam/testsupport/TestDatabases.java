package io.notejam.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Hands every test class a fresh, empty schema so that tests never see each other's rows and can
 * run in any order.
 *
 * <p>The server is chosen once per JVM, in this order, and logged:
 *
 * <ol>
 *   <li>{@code NOTEJAM_TEST_JDBC_URL} (with {@code NOTEJAM_TEST_JDBC_USER} and {@code
 *       NOTEJAM_TEST_JDBC_PASSWORD}): an already running MySQL or MariaDB server, e.g. {@code
 *       jdbc:mysql://127.0.0.1:3306/};
 *   <li>a Testcontainers MySQL 8.4 container, when a Docker engine answers;
 *   <li>embedded H2 in MySQL mode.
 * </ol>
 *
 * Schemas made on a server are dropped when the JVM exits.
 */
public final class TestDatabases {
  public static final String URL_VARIABLE = "NOTEJAM_TEST_JDBC_URL";
  public static final String USER_VARIABLE = "NOTEJAM_TEST_JDBC_USER";
  public static final String PASSWORD_VARIABLE = "NOTEJAM_TEST_JDBC_PASSWORD";

  private static final Logger LOG = LoggerFactory.getLogger(TestDatabases.class);
  private static DatabaseServer server;
  private static Boolean dockerAvailable;

  private TestDatabases() {}

  /** The branch this JVM uses (chosen, and logged, on first call). */
  public static synchronized DatabaseKind kind() {
    return server().kind;
  }

  /**
   * Creates an empty schema for one test class.
   *
   * @param label a short word naming the owner (e.g. the module), kept in the schema name for
   *     whoever looks at the server while tests run
   */
  public static synchronized TestSchema freshSchema(String label) {
    return server().freshSchema(label);
  }

  private static DatabaseServer server() {
    if (server == null) {
      server = DatabaseServer.select(System.getenv(), TestDatabases::dockerAvailable);
      LOG.info("Test database: {}", server);
      DatabaseServer chosen = server;
      Runtime.getRuntime().addShutdownHook(new Thread(chosen::dropCreatedSchemas));
    }
    return server;
  }

  /** Asks Docker once per JVM; Testcontainers fails fast for the rest of the JVM after a miss. */
  static synchronized boolean dockerAvailable() {
    if (dockerAvailable == null) {
      try {
        dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException | LinkageError e) {
        dockerAvailable = false;
      }
    }
    return dockerAvailable;
  }
}
