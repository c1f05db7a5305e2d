package io.notejam.flask.note;

import io.notejam.flask.pad.Pad;
import io.notejam.flask.web.Field;
import io.notejam.flask.web.FormData;
import java.util.List;
import java.util.Optional;

/**
 * The note form (spec 6.3, 6.5): name, text and a pad select whose first option, {@code 0} / {@code
 * ---------}, means "no pad".
 */
public final class NoteForm {
  static final String NO_PAD = "0";

  private final Field name;
  private final Field text;
  private final Field pad;
  private final List<Pad> pads;
  private boolean padCoerced = true;

  private NoteForm(String name, String text, String pad, List<Pad> pads) {
    this.name = new Field("name", name);
    this.text = new Field("text", text);
    this.pad = new Field("pad", pad);
    this.pads = pads;
  }

  /** A create form; {@code ?pad=} preselects one of the user's pads. */
  public static NoteForm forCreate(String padQuery, List<Pad> pads) {
    return new NoteForm("", "", PadChoice.parse(padQuery).orElse(""), pads);
  }

  /** An edit form filled from the note; a note without a pad preselects nothing. */
  public static NoteForm forEdit(Note note, List<Pad> pads) {
    String selected = note.hasPad() ? Long.toString(note.padId()) : "";
    return new NoteForm(note.name(), note.text(), selected, pads);
  }

  /**
   * Applies a posted body over the form's starting values, as WTForms does: an entirely empty body
   * keeps them all (the stored note on edit); otherwise absent text fields become empty, and an
   * absent {@code pad} keeps its starting value ({@code ?pad=} on create, nothing on edit).
   */
  public NoteForm post(FormData data, boolean editing) {
    if (editing) {
      pad.setValue("");
    }
    if (data.isEmpty()) {
      return this;
    }
    name.setValue(data.value("name"));
    text.setValue(data.value("text"));
    Optional<String> posted = data.first("pad");
    if (posted.isPresent()) {
      Optional<String> parsed = PadChoice.parse(posted.get());
      parsed.ifPresent(pad::setValue);
      padCoerced = parsed.isPresent();
    }
    return this;
  }

  public boolean validate() {
    name.required();
    text.required();
    if (!padCoerced) {
      pad.addError("Invalid Choice: could not coerce");
    }
    if (!isOption(pad.getValue())) {
      pad.addError("Not a valid choice");
    }
    return !name.hasErrors() && !text.hasErrors() && !pad.hasErrors();
  }

  /**
   * After a failed save the edit page shows the note's stored pad as chosen, whatever was posted,
   * when the note has one (the original's view resets the select after validating); the errors
   * stay.
   */
  public NoteForm showStoredPad(Note note) {
    if (note.hasPad()) {
      pad.setValue(Long.toString(note.padId()));
    }
    return this;
  }

  /** The chosen pad, or null for {@code ---------} (B1: stored as NULL, never 0). */
  public Long padId() {
    return pad.getValue().equals(NO_PAD) ? null : Long.valueOf(pad.getValue());
  }

  /** Whether the select renders this pad's option as selected. */
  public boolean selects(Pad candidate) {
    return pad.getValue().equals(Long.toString(candidate.id()));
  }

  public boolean selectsNoPad() {
    return pad.getValue().equals(NO_PAD);
  }

  private boolean isOption(String value) {
    return value.equals(NO_PAD) || pads.stream().anyMatch(p -> Long.toString(p.id()).equals(value));
  }

  public Field getName() {
    return name;
  }

  public Field getText() {
    return text;
  }

  public Field getPad() {
    return pad;
  }

  public List<Pad> getPads() {
    return pads;
  }
}
