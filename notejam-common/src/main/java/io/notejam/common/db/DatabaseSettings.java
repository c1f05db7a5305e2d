package io.notejam.common.db;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The original apps' database environment contract ({@code DATABASE_ENDPOINT}, {@code
 * DATABASE_USERNAME}, {@code DATABASE_PASSWORD}, {@code DATABASE_SCHEMA}), plus a full-URL override
 * and the embedded H2 file location used when no MySQL is configured.
 */
@ConfigurationProperties("database")
public class DatabaseSettings {
  private String endpoint;
  private String username;
  private String password;
  private String schema;
  private String url;
  private String dataDir = "./data";
  private String h2Name;

  /** {@code host[:port]} of a MySQL server; with it the service runs on MySQL. */
  @Nullable
  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(@Nullable String endpoint) {
    this.endpoint = endpoint;
  }

  @Nullable
  public String getUsername() {
    return username;
  }

  public void setUsername(@Nullable String username) {
    this.username = username;
  }

  @Nullable
  public String getPassword() {
    return password;
  }

  public void setPassword(@Nullable String password) {
    this.password = password;
  }

  /** The MySQL database (schema) name; created at start-up if missing. */
  @Nullable
  public String getSchema() {
    return schema;
  }

  public void setSchema(@Nullable String schema) {
    this.schema = schema;
  }

  /** A full JDBC URL; wins over {@link #getEndpoint()}. */
  @Nullable
  public String getUrl() {
    return url;
  }

  public void setUrl(@Nullable String url) {
    this.url = url;
  }

  /** Folder of the embedded H2 file database (used when neither url nor endpoint is set). */
  public String getDataDir() {
    return dataDir;
  }

  public void setDataDir(String dataDir) {
    this.dataDir = dataDir;
  }

  /** File name of the embedded H2 database; defaults to the application name. */
  @Nullable
  public String getH2Name() {
    return h2Name;
  }

  public void setH2Name(@Nullable String h2Name) {
    this.h2Name = h2Name;
  }
}
