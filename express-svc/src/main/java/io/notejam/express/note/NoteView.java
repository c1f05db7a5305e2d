package io.notejam.express.note;

import io.notejam.express.web.Page;

/** One note, with its "Last edited" relative time. */
public record NoteView(Note note, String lastEdited) implements Page {
  @Override
  public String template() {
    return "notes/view.jte";
  }
}
