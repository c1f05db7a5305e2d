package io.notejam.common.db;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answers, checked at most once a second so that a load balancer's health
 * checks (or a benchmark) never turn into a query per request. While one thread checks, the others
 * get the last known answer. The pool reconnects by itself, so the answer turns back to up once the
 * database is back.
 */
@Singleton
public class DatabaseHealth {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);
  static final long RECHECK_AFTER_NANOS = 1_000_000_000L;
  private static final int VALIDATION_TIMEOUT_SECONDS = 2;

  private final DataSource dataSource;
  private final AtomicBoolean checking = new AtomicBoolean();
  private volatile boolean up = true;
  private volatile long checkedAt = System.nanoTime() - RECHECK_AFTER_NANOS;

  public DatabaseHealth(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The database's state as of at most about a second ago. */
  public boolean isUp() {
    if (System.nanoTime() - checkedAt >= RECHECK_AFTER_NANOS
        && checking.compareAndSet(false, true)) {
      try {
        boolean now = probe();
        if (now != up) {
          LOG.warn("Database is {}", now ? "reachable again" : "unreachable");
        }
        up = now;
        checkedAt = System.nanoTime();
      } finally {
        checking.set(false);
      }
    }
    return up;
  }

  private boolean probe() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(VALIDATION_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      return false;
    }
  }
}
