package io.notejam.express.note;

import io.micronaut.core.annotation.Nullable;
import io.notejam.express.web.FieldErrors;
import io.notejam.express.web.Page;

/**
 * The new / edit note form; the pad choices are the sidebar's pads. The create form has no {@code
 * name} (its input has no value attribute, as in the original).
 */
public record NoteForm(
    @Nullable String name,
    String text,
    @Nullable Long selectedPad,
    String placeholder,
    FieldErrors errors)
    implements Page {
  @Override
  public String template() {
    return "notes/form.jte";
  }

  /** For the template: whether {@code padId} is the selected option. */
  public boolean selects(long padId) {
    return selectedPad != null && selectedPad == padId;
  }
}
