package io.notejam.express.db;

import java.sql.SQLException;

/** A failed database call, unchecked so that the global error page can answer it (500 or 503). */
public class DatabaseException extends RuntimeException {
  public DatabaseException(SQLException cause) {
    super(cause.getMessage(), cause);
  }
}
