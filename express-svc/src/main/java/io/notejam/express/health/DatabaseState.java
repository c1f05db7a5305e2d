package io.notejam.express.health;

import io.micronaut.scheduling.annotation.Scheduled;
import io.notejam.common.db.DatabaseHealth;
import jakarta.inject.Singleton;

/**
 * Keeps {@link DatabaseHealth}'s answer fresh from a scheduler thread. Its probe can wait for a
 * connection for seconds while the database is down, which must never happen on a Netty event loop
 * serving {@code /health}: the filter only reads the last answer.
 */
@Singleton
public class DatabaseState {
  private final DatabaseHealth database;
  private volatile boolean up = true;

  public DatabaseState(DatabaseHealth database) {
    this.database = database;
  }

  @Scheduled(fixedDelay = "500ms")
  void refresh() {
    up = database.isUp();
  }

  public boolean isUp() {
    return up;
  }
}
