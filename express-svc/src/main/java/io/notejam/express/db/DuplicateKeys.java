package io.notejam.express.db;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/** Recognises a unique-index violation across MySQL, MariaDB and H2. */
public final class DuplicateKeys {
  private static final String SQLSTATE_INTEGRITY = "23";

  private DuplicateKeys() {}

  public static boolean isDuplicateKey(SQLException e) {
    return e instanceof SQLIntegrityConstraintViolationException
        || (e.getSQLState() != null && e.getSQLState().startsWith(SQLSTATE_INTEGRITY));
  }
}
