package io.notejam.common.db;

import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the service's data lives, worked out from {@link DatabaseSettings}: a full URL, else MySQL
 * at {@code endpoint/schema}, else an embedded H2 file.
 *
 * @param url the JDBC URL the pool connects to
 * @param username user (may be empty)
 * @param password password (may be empty)
 * @param driverClassName the JDBC driver
 * @param mysqlSchema the schema to create if missing, when the target is a MySQL endpoint
 */
public record JdbcTarget(
    String url,
    String username,
    String password,
    String driverClassName,
    Optional<String> mysqlSchema) {

  static final String MYSQL_DRIVER = "com.mysql.cj.jdbc.Driver";
  static final String H2_DRIVER = "org.h2.Driver";

  /** H2 behaves like MySQL for the services' SQL with these; they are added to any H2 URL. */
  static final String H2_MYSQL_MODE =
      ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=USER,VALUE";

  /**
   * Connection options: fail fast instead of hanging a request thread when the database is gone,
   * keep text in utf8mb4 whatever the server default is, and read a zero date ({@code 0000-00-00},
   * which a non-strict MySQL of the original's era could store) as NULL instead of failing the
   * page.
   */
  static final String MYSQL_OPTIONS =
      "?connectTimeout=5000&socketTimeout=30000&characterEncoding=UTF-8"
          + "&connectionCollation=utf8mb4_unicode_ci&tcpKeepAlive=true"
          + "&zeroDateTimeBehavior=CONVERT_TO_NULL";

  private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z0-9_$]{1,64}");
  private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9._\\-]+(:\\d{1,5})?");

  static JdbcTarget resolve(DatabaseSettings settings, String applicationName) {
    String user = nullToEmpty(settings.getUsername());
    String password = nullToEmpty(settings.getPassword());
    if (isSet(settings.getUrl())) {
      String url = settings.getUrl().trim();
      if (url.startsWith("jdbc:h2:")) {
        return new JdbcTarget(withH2Mode(url), user, password, H2_DRIVER, Optional.empty());
      }
      return new JdbcTarget(url, user, password, MYSQL_DRIVER, Optional.empty());
    }
    if (isSet(settings.getEndpoint())) {
      String endpoint = settings.getEndpoint().trim();
      if (!ENDPOINT.matcher(endpoint).matches()) {
        throw new ConfigurationException(
            "DATABASE_ENDPOINT must be host[:port], got '" + endpoint + "'");
      }
      String schema = isSet(settings.getSchema()) ? settings.getSchema().trim() : "notejam";
      if (!SCHEMA_NAME.matcher(schema).matches()) {
        throw new ConfigurationException(
            "DATABASE_SCHEMA must be 1-64 letters, digits, _ or $, got '" + schema + "'");
      }
      return new JdbcTarget(
          "jdbc:mysql://" + endpoint + "/" + schema + MYSQL_OPTIONS,
          user,
          password,
          MYSQL_DRIVER,
          Optional.of(schema));
    }
    String name = isSet(settings.getH2Name()) ? settings.getH2Name() : applicationName;
    Path file = Path.of(settings.getDataDir()).toAbsolutePath().normalize().resolve(name);
    return new JdbcTarget(
        withH2Mode("jdbc:h2:file:" + file),
        user.isEmpty() ? "sa" : user,
        password,
        H2_DRIVER,
        Optional.empty());
  }

  /** The server URL without the schema, for creating the schema before the pool starts. */
  String serverUrl() {
    int slash = url.indexOf('/', "jdbc:mysql://".length());
    return url.substring(0, slash + 1) + MYSQL_OPTIONS;
  }

  boolean isH2() {
    return driverClassName.equals(H2_DRIVER);
  }

  private static String withH2Mode(String url) {
    return url.toUpperCase(Locale.ROOT).contains(";MODE=") ? url : url + H2_MYSQL_MODE;
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return url + " as " + (username.isEmpty() ? "(no user)" : username);
  }
}
