package io.notejam.express.user;

import io.notejam.express.pad.Pad;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in user and all their pads (ascending id: the sidebar's and the drop-downs' order),
 * read together by one query at the start of every signed-in request.
 */
public record SignedIn(User user, List<Pad> pads) {
  public long id() {
    return user.id();
  }

  /** The pad if it is one of this user's (spec 4.6, 8.6). */
  public Optional<Pad> pad(long padId) {
    for (Pad pad : pads) {
      if (pad.id() == padId) {
        return Optional.of(pad);
      }
    }
    return Optional.empty();
  }
}
