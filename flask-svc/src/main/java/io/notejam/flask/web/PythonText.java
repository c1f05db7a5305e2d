package io.notejam.flask.web;

import java.util.regex.Pattern;

/** The few Python 2 text rules the original's validation depends on. */
public final class PythonText {
  /**
   * WTForms 1.0.3's Email pattern under Python {@code re.match}: {@code .} stops at a newline and
   * {@code $} also matches before a final newline, hence UNIX_LINES and {@code find()}.
   */
  private static final Pattern EMAIL =
      Pattern.compile("^.+@[^.].*\\.[a-z]{2,10}$", Pattern.CASE_INSENSITIVE | Pattern.UNIX_LINES);

  private PythonText() {}

  public static boolean isEmail(String value) {
    return EMAIL.matcher(value).find();
  }

  /** Python's {@code unicode.isspace()} for every character, or empty. */
  public static boolean isBlank(String value) {
    return value.codePoints().allMatch(PythonText::isSpace);
  }

  /** Python's {@code unicode.strip()}. */
  public static String strip(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  /**
   * Python's whitespace: Unicode space separators (U+00A0, U+2000-U+200A, U+3000 ...), the ASCII
   * controls 0x09-0x0D and 0x1C-0x1F, and NEL; not the zero-width space U+200B.
   */
  static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
  }
}
