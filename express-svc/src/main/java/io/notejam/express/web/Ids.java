package io.notejam.express.web;

import java.util.Optional;

/**
 * Record ids from URLs and forms: plain decimal numbers only, so {@code 01}, {@code 1.0} or {@code
 * " 1"} never match a record (spec 8.25).
 */
public final class Ids {
  /** 18 digits always fit a long. */
  private static final int MAX_DIGITS = 18;

  private Ids() {}

  public static Optional<Long> parse(String value) {
    if (value == null
        || value.isEmpty()
        || value.length() > MAX_DIGITS
        || (value.length() > 1 && value.charAt(0) == '0')) {
      return Optional.empty();
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
    }
    return Optional.of(Long.parseLong(value));
  }
}
