package io.notejam.flask.user;

import io.notejam.flask.pad.Pad;
import java.util.List;
import java.util.Optional;

/** The signed-in user with their pads, in creation order: what every app-frame page starts from. */
public record UserWithPads(User user, List<Pad> pads) {

  /** One of the user's pads; no other user's pad is ever in the list (spec 5.6). */
  public Optional<Pad> pad(long id) {
    return pads.stream().filter(p -> p.id() == id).findFirst();
  }
}
