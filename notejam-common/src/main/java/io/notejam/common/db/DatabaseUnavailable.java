package io.notejam.common.db;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** Tells a lost or refused database connection apart from other failures (a 503, not a 500). */
public final class DatabaseUnavailable {
  private DatabaseUnavailable() {}

  /** True when {@code error} or one of its causes says the database cannot be reached. */
  public static boolean isCause(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof ConnectException
          || t.getClass().getName().endsWith("CommunicationsException")) {
        return true;
      }
    }
    return false;
  }
}
