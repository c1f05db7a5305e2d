package io.notejam.express.note;

import io.micronaut.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code order} query parameter: a note column, optionally prefixed with {@code -} for
 * descending; given more than once, a sort on each column in turn, as the original's ORM did (spec
 * 9.6). Anything else falls back to the default {@code -updated_at} instead of the original's 500
 * (spec 8.10); ties are broken by ascending id so lists are stable.
 */
public record NoteOrder(List<Term> terms) {
  /** One column of the sort. */
  public record Term(String column, boolean descending) {}

  private static final Set<String> COLUMNS =
      Set.of("id", "name", "text", "created_at", "updated_at", "user_id", "pad_id");
  private static final Set<String> TEXT_COLUMNS = Set.of("name", "text");
  public static final NoteOrder DEFAULT = new NoteOrder(List.of(new Term("updated_at", true)));

  /** The request's {@code order} values. */
  public static NoteOrder of(HttpRequest<?> request) {
    return parse(request.getParameters().getAll("order"));
  }

  public static NoteOrder parse(List<String> values) {
    if (values.isEmpty()) {
      return DEFAULT;
    }
    List<Term> terms = new ArrayList<>(values.size());
    for (String value : values) {
      boolean descending = value.startsWith("-");
      String column = descending ? value.substring(1) : value;
      if (!COLUMNS.contains(column)) {
        return DEFAULT;
      }
      terms.add(new Term(column, descending));
    }
    return new NoteOrder(List.copyOf(terms));
  }

  /**
   * An ORDER BY clause for a query that aliases notes as {@code n}; the columns are whitelisted.
   * With {@code castTextToBytes} (MySQL and MariaDB, whose collations ignore case) names and texts
   * sort by their bytes, as the original's SQLite did: uppercase before lowercase.
   */
  String orderBy(boolean castTextToBytes) {
    StringBuilder sql = new StringBuilder(" ORDER BY ");
    for (Term term : terms) {
      String column = "n." + term.column();
      if (castTextToBytes && TEXT_COLUMNS.contains(term.column())) {
        column = "CAST(" + column + " AS BINARY)";
      }
      sql.append(column).append(term.descending() ? " DESC, " : " ASC, ");
    }
    return sql.append("n.id ASC").toString();
  }
}
