package io.notejam.common.web;

/**
 * Request targets that {@code java.net.URI} refuses (a {@code %} without two hex digits, a raw
 * space, {@code |}, {@code "}, a raw UTF-8 byte...) make Micronaut fail before routing, a 500. Both
 * originals take them, and read a broken escape as the characters it is made of and raw bytes as
 * UTF-8. Percent-encoding each refused character keeps that meaning: {@code %zz} becomes {@code
 * %25zz}, which decodes back to {@code %zz}.
 */
public final class RequestTargets {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private RequestTargets() {}

  /** The target with every character {@code java.net.URI} would refuse percent-encoded. */
  public static String escaped(String target) {
    StringBuilder out = null;
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      boolean ok = c == '%' ? isEscape(target, i) : allowed(c);
      if (ok && out == null) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(target.length() + 16).append(target, 0, i);
      }
      if (ok) {
        out.append(c);
      } else {
        // The request line arrives as ISO-8859-1 chars: one char per byte.
        int b = c & 0xFF;
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
      }
    }
    return out == null ? target : out.toString();
  }

  /** Whether {@code text} holds a {@code %} that two hex digits do not follow. */
  public static boolean hasBrokenEscape(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '%' && !isEscape(text, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEscape(CharSequence text, int percent) {
    return percent + 2 < text.length()
        && isHex(text.charAt(percent + 1))
        && isHex(text.charAt(percent + 2));
  }

  private static boolean allowed(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
  }

  private static boolean isHex(char c) {
    return c < 0x80 && Character.digit(c, 16) >= 0;
  }
}
