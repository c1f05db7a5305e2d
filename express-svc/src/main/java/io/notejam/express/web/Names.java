package io.notejam.express.web;

/**
 * The rule for pad and note names: required (whitespace counts, spec 8.9) and within the original
 * {@code VARCHAR(100)} column, so a long name is refused with a message instead of being truncated
 * or failing in the database (spec 8.24).
 */
public final class Names {
  public static final int MAX_LENGTH = 100;

  private Names() {}

  public static void check(FieldErrors errors, String name) {
    if (name.isEmpty()) {
      errors.add("name", "Name is required");
    } else if (name.length() > MAX_LENGTH) {
      errors.add("name", "Name is too long (" + MAX_LENGTH + " characters at most)");
    }
  }
}
