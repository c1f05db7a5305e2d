package io.notejam.flask.note;

import java.time.LocalDateTime;

/**
 * A note as the lists show it: without its text, which the lists never print and which can be up to
 * 64 KiB a row.
 *
 * @param padId the pad, or null for "no pad" (NULL, or the 0 the original stored on SQLite, B1)
 * @param padName the pad's name, or null when the pad does not exist
 */
public record ListedNote(
    long id, String name, LocalDateTime updatedAt, Long padId, String padName) {

  /** Whether the note sits in an existing pad; anything else is listed as "No pad". */
  public boolean hasPad() {
    return padName != null;
  }
}
