package io.notejam.express.pad;

import io.micronaut.core.annotation.Nullable;
import io.notejam.express.web.FieldErrors;
import io.notejam.express.web.Page;

/**
 * The new pad form ({@code pad} and {@code name} null: no value attribute, as in the original) or
 * the edit form of {@code pad}, with its delete link.
 */
public record PadForm(@Nullable String name, @Nullable Pad pad, FieldErrors errors)
    implements Page {
  @Override
  public String template() {
    return "pads/form.jte";
  }
}
