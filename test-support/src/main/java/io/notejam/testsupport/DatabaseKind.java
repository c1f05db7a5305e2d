package io.notejam.testsupport;

/** Where a test's database lives. Chosen once per JVM by {@link TestDatabases}. */
public enum DatabaseKind {
  /**
   * A server named by {@code NOTEJAM_TEST_JDBC_URL} (MariaDB on the CI machine, any MySQL
   * elsewhere).
   */
  EXTERNAL_MYSQL,
  /** A MySQL 8.4 container started by Testcontainers (wherever a Docker engine runs). */
  TESTCONTAINERS_MYSQL,
  /** Embedded H2 in MySQL mode, in memory: the fallback with neither of the above. */
  H2;

  public boolean isMysql() {
    return this != H2;
  }
}
