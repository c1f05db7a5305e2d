package io.notejam.express.web;

import io.micronaut.core.annotation.Nullable;
import io.notejam.express.pad.Pad;
import io.notejam.express.user.User;
import java.util.List;

/**
 * What the layout around every page shows (spec 6.1): the title, who is signed in, the "My pads"
 * sidebar (app frame only) and the pending flash messages.
 */
public record Frame(
    Frame.Kind kind, String title, @Nullable User user, List<Pad> pads, Flash.Messages flash) {
  /** The content frames of spec 6.1, and the bare error page of spec 6.13. */
  public enum Kind {
    ACCOUNT,
    APP,
    ERROR
  }
}
