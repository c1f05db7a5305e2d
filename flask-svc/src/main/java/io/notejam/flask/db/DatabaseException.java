package io.notejam.flask.db;

import java.sql.SQLException;

/** An {@link SQLException} on its way to the error handler, which decides what the user sees. */
public final class DatabaseException extends RuntimeException {
  public DatabaseException(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  /**
   * Whether the database refused the value itself (too long for its column, a character its charset
   * cannot hold, a constraint): bad input, not a server fault.
   */
  public boolean isRejectedValue() {
    String state = ((SQLException) getCause()).getSQLState();
    // 22xxx: data exceptions (22001 too long, 22007 bad value); 23xxx: integrity constraints.
    // MySQL reports "incorrect string value" (1366) as HY000 with vendor code 1366.
    return (state != null && (state.startsWith("22") || state.startsWith("23")))
        || ((SQLException) getCause()).getErrorCode() == 1366;
  }
}
