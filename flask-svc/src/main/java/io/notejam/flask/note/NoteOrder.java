package io.notejam.flask.note;

/**
 * The {@code ?order=} values of the note lists (spec 6.2). Anything else sorts like {@code
 * -updated_at}. The id is a silent second key so that ties come back in a stable order (B17).
 */
public enum NoteOrder {
  NAME_ASC("n.name ASC, n.id ASC"),
  NAME_DESC("n.name DESC, n.id DESC"),
  UPDATED_ASC("n.updated_at ASC, n.id ASC"),
  UPDATED_DESC("n.updated_at DESC, n.id DESC");

  private final String sql;

  NoteOrder(String sql) {
    this.sql = sql;
  }

  /** The ORDER BY clause: fixed text, never built from the request. */
  String sql() {
    return sql;
  }

  public static NoteOrder of(String value) {
    if (value == null) {
      return UPDATED_DESC;
    }
    return switch (value) {
      case "name" -> NAME_ASC;
      case "-name" -> NAME_DESC;
      case "updated_at" -> UPDATED_ASC;
      default -> UPDATED_DESC;
    };
  }
}
