package io.notejam.flask.note;

/**
 * One row of a note list, with everything the template prints already computed: plain getters keep
 * the per-row template work to property reads (Thymeleaf's OGNL method calls are costly, and the
 * home page renders many rows).
 */
public final class NoteRow {
  private final String href;
  private final String name;
  private final String padHref;
  private final String padName;
  private final String date;

  NoteRow(Note note, SmartDate dates) {
    this.href = "/flask/notes/" + note.id() + "/";
    this.name = note.name();
    this.padHref = note.hasPad() ? "/flask/pads/" + note.padId() + "/" : null;
    this.padName = note.padName();
    this.date = dates.format(note.updatedAt());
  }

  public String getHref() {
    return href;
  }

  public String getName() {
    return name;
  }

  /** The pad's page, or null when the note has no pad ("No pad"). */
  public String getPadHref() {
    return padHref;
  }

  public String getPadName() {
    return padName;
  }

  public String getDate() {
    return date;
  }
}
