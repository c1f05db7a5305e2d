package io.notejam.flask.note;

import io.notejam.flask.web.PythonText;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The note form's {@code pad} value as WTForms' {@code coerce=int} reads it: Python's {@code int()}
 * accepts surrounding whitespace, a sign, leading zeros and any Unicode decimal digits, with no
 * size limit (B27). The result is kept as canonical decimal text, so that a number far beyond any
 * id is still a number — "Not a valid choice", not "could not coerce".
 */
final class PadChoice {
  private static final Pattern INTEGER = Pattern.compile("([+-]?)(\\p{Nd}+)");

  private PadChoice() {}

  /** The canonical decimal form ({@code "0"}, {@code "12"}, {@code "-3"}), or empty. */
  static Optional<String> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    var m = INTEGER.matcher(PythonText.strip(value));
    if (!m.matches()) {
      return Optional.empty();
    }
    StringBuilder digits = new StringBuilder();
    m.group(2).codePoints().forEach(cp -> digits.append((char) ('0' + Character.digit(cp, 10))));
    int first = 0;
    while (first < digits.length() - 1 && digits.charAt(first) == '0') {
      first++;
    }
    String magnitude = digits.substring(first);
    boolean negative = m.group(1).equals("-") && !magnitude.equals("0");
    return Optional.of(negative ? "-" + magnitude : magnitude);
  }
}
