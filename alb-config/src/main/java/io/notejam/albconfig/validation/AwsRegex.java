package io.notejam.albconfig.validation;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * The regex dialect of ALB RegexValues and rewrites: RE2 syntax, without Unicode classes. RE2
 * itself rejects lookaround, backreferences, atomic groups, possessive quantifiers, subroutines and
 * recursion; {@code \p{..}} is RE2 syntax that ALB refuses, so it is checked here.
 */
public final class AwsRegex {
  private AwsRegex() {}

  /** Null when {@code regex} is acceptable, else why not. */
  public static String problemWith(String regex) {
    for (int i = 0; i < regex.length() - 1; i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        char next = regex.charAt(i + 1);
        if (next == 'p' || next == 'P') {
          return "Unicode character classes such as '\\" + next + "{..}' are not supported";
        }
        i++;
      }
    }
    try {
      Pattern.compile(regex);
      return null;
    } catch (PatternSyntaxException e) {
      return "unsupported or invalid construct: " + e.getDescription();
    }
  }
}
