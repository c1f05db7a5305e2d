package io.notejam.express.note;

import io.micronaut.core.annotation.Nullable;
import io.notejam.express.pad.Pad;
import io.notejam.express.web.Page;
import java.util.List;

/**
 * A notes table: all the user's notes ({@code pad} null, with a Pad column) or one pad's notes;
 * {@code sortBase} is the path the sort arrows link to.
 */
public record NoteList(List<NoteListItem> notes, @Nullable Pad pad, String sortBase)
    implements Page {
  @Override
  public String template() {
    return "notes/list.jte";
  }
}
