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

  /** The list queries with this ORDER BY: fixed text, built once, never from the request. */
  final String byUser;

  final String byPad;

  NoteOrder(String orderBy) {
    this.byUser = NoteRepository.LIST + "WHERE n.user_id = ? ORDER BY " + orderBy;
    this.byPad = NoteRepository.LIST + "WHERE n.user_id = ? AND n.pad_id = ? ORDER BY " + orderBy;
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
