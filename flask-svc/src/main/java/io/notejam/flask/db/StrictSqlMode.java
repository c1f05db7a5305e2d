package io.notejam.flask.db;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

/**
 * Strict SQL mode on this service's MySQL connections, whatever the server's default (RDS MySQL
 * 5.7's parameter group is not strict), so a value too long for its column is refused and answered
 * with a 400 instead of being silently cut short (B15). Applied after notejam-common has set the
 * URL; the driver's caching settings come from notejam-common's MysqlConnectionTuning.
 */
@Singleton
public final class StrictSqlMode
    implements BeanCreatedEventListener<DatasourceConfiguration>, Ordered {
  static final String INIT_SQL =
      "SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES')";

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
    DatasourceConfiguration datasource = event.getBean();
    String url = datasource.getUrl();
    if (url != null && url.startsWith("jdbc:mysql:")) {
      datasource.setConnectionInitSql(INIT_SQL);
    }
    return datasource;
  }
}
