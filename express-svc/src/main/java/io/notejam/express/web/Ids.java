package io.notejam.express.web;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Record ids from URLs and forms: plain decimal numbers only, so {@code 01}, {@code 1.0} or {@code
 * " 1"} never match a record (spec 8.25).
 */
public final class Ids {
  private static final Pattern DIGITS = Pattern.compile("0|[1-9][0-9]{0,17}");

  private Ids() {}

  public static Optional<Long> parse(String value) {
    return value != null && DIGITS.matcher(value).matches()
        ? Optional.of(Long.parseLong(value))
        : Optional.empty();
  }
}
