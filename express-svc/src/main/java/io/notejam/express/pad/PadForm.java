package io.notejam.express.pad;

import io.micronaut.core.annotation.Nullable;
import io.notejam.express.web.FieldErrors;
import io.notejam.express.web.Page;

/** The new pad form ({@code pad} null) or the edit form of {@code pad}, with its delete link. */
public record PadForm(String name, @Nullable Pad pad, FieldErrors errors) implements Page {
  @Override
  public String template() {
    return "pads/form.jte";
  }
}
