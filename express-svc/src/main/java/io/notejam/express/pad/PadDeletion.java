package io.notejam.express.pad;

import io.notejam.express.web.Page;

/** "Are you sure you want to delete the pad?" */
public record PadDeletion(Pad pad) implements Page {
  @Override
  public String template() {
    return "pads/delete.jte";
  }
}
