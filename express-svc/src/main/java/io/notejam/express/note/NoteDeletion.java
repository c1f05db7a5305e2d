package io.notejam.express.note;

import io.notejam.express.web.Page;

/** "Are you sure you want to delete the note?" */
public record NoteDeletion(Note note) implements Page {
  @Override
  public String template() {
    return "notes/delete.jte";
  }
}
