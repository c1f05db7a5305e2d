package io.notejam.express.note;

import io.micronaut.core.annotation.Nullable;
import java.util.Set;

/**
 * The {@code order} query parameter: a note column, optionally prefixed with {@code -} for
 * descending. Anything else falls back to the default {@code -updated_at} instead of the original's
 * 500 (spec 8.10); ties are broken by ascending id so lists are stable.
 */
public record NoteOrder(String column, boolean descending) {
  private static final Set<String> COLUMNS =
      Set.of("id", "name", "text", "created_at", "updated_at", "user_id", "pad_id");
  public static final NoteOrder DEFAULT = new NoteOrder("updated_at", true);

  public static NoteOrder parse(@Nullable String value) {
    if (value == null) {
      return DEFAULT;
    }
    boolean descending = value.startsWith("-");
    String column = descending ? value.substring(1) : value;
    return COLUMNS.contains(column) ? new NoteOrder(column, descending) : DEFAULT;
  }

  /** An ORDER BY clause for a query that aliases notes as {@code n}; the column is whitelisted. */
  String orderBy() {
    return " ORDER BY n." + column + (descending ? " DESC" : " ASC") + ", n.id ASC";
  }
}
