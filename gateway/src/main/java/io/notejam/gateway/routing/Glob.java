package io.notejam.gateway.routing;

/**
 * ALB wildcard matching: {@code *} is any run of characters ({@code /} and {@code .} included),
 * {@code ?} exactly one; everything else is literal and the whole subject must match. Subjects with
 * control characters never match (rules apply to visible ASCII only).
 */
final class Glob {
  private final char[] chars;
  private final boolean[] wild;
  private final boolean ignoreCase;

  private Glob(char[] chars, boolean[] wild, boolean ignoreCase) {
    this.chars = chars;
    this.wild = wild;
    this.ignoreCase = ignoreCase;
  }

  /**
   * @param escapes whether {@code \*} and {@code \?} stand for literal characters (query strings)
   */
  static Glob compile(String pattern, boolean ignoreCase, boolean escapes) {
    char[] chars = new char[pattern.length()];
    boolean[] wild = new boolean[pattern.length()];
    int n = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (escapes && c == '\\' && i + 1 < pattern.length()) {
        chars[n++] = pattern.charAt(++i);
      } else {
        wild[n] = c == '*' || c == '?';
        chars[n++] = c;
      }
    }
    return new Glob(
        java.util.Arrays.copyOf(chars, n), java.util.Arrays.copyOf(wild, n), ignoreCase);
  }

  boolean matches(String subject) {
    if (subject == null || hasControlCharacter(subject)) {
      return false;
    }
    int p = 0;
    int s = 0;
    int star = -1;
    int starSubject = 0;
    int n = chars.length;
    while (s < subject.length()) {
      if (p < n && wild[p] && chars[p] == '?') {
        p++;
        s++;
      } else if (p < n && wild[p] && chars[p] == '*') {
        star = p++;
        starSubject = s;
      } else if (p < n && !wild[p] && same(chars[p], subject.charAt(s))) {
        p++;
        s++;
      } else if (star >= 0) {
        p = star + 1;
        s = ++starSubject;
      } else {
        return false;
      }
    }
    while (p < n && wild[p] && chars[p] == '*') {
      p++;
    }
    return p == n;
  }

  private boolean same(char a, char b) {
    return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
  }

  static boolean hasControlCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return true;
      }
    }
    return false;
  }
}
