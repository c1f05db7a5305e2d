package io.notejam.flask.note;

import java.time.LocalDateTime;

/**
 * A row of the {@code note} table, with the name of its pad when it has one.
 *
 * @param padId the pad, or null for "no pad" (NULL, or the 0 the original stored on SQLite, B1)
 * @param padName the pad's name, or null when the pad does not exist
 */
public record Note(
    long id, String name, String text, LocalDateTime updatedAt, Long padId, String padName) {

  /** Whether the note sits in an existing pad; pages and redirects treat anything else as none. */
  public boolean hasPad() {
    return padName != null;
  }
}
