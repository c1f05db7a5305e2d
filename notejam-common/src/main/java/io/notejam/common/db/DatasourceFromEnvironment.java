package io.notejam.common.db;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the default datasource at what {@link DatabaseSettings} describes, before the pool starts,
 * and creates the MySQL schema if it is missing (as the originals' set-up scripts did).
 */
@Singleton
public class DatasourceFromEnvironment
    implements BeanCreatedEventListener<DatasourceConfiguration> {
  private static final Logger LOG = LoggerFactory.getLogger(DatasourceFromEnvironment.class);

  private final DatabaseSettings settings;
  private final String applicationName;

  public DatasourceFromEnvironment(
      DatabaseSettings settings,
      @Value("${micronaut.application.name:notejam}") String applicationName) {
    this.settings = settings;
    this.applicationName = applicationName;
  }

  @Override
  public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
    DatasourceConfiguration datasource = event.getBean();
    if (!"default".equals(datasource.getName())) {
      return datasource;
    }
    JdbcTarget target = JdbcTarget.resolve(settings, applicationName);
    target.mysqlSchema().ifPresent(schema -> createSchemaIfMissing(target, schema));
    datasource.setUrl(target.url());
    datasource.setJdbcUrl(target.url());
    datasource.setDriverClassName(target.driverClassName());
    datasource.setUsername(target.username());
    datasource.setPassword(target.password());
    LOG.info("Database: {}", target);
    return datasource;
  }

  private static void createSchemaIfMissing(JdbcTarget target, String schema) {
    try (Connection c =
            DriverManager.getConnection(target.serverUrl(), target.username(), target.password());
        Statement st = c.createStatement()) {
      st.executeUpdate(
          "CREATE DATABASE IF NOT EXISTS `"
              + schema
              + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new ConfigurationException(
          "Cannot create or reach database schema '"
              + schema
              + "' at "
              + target.serverUrl()
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
