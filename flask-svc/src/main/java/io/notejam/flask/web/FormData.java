package io.notejam.flask.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A decoded {@code application/x-www-form-urlencoded} body, read as Werkzeug 0.8.3's {@code
 * url_decode} reads it: pairs split on {@code &} only, a pair without {@code =} is an empty value,
 * {@code +} is a space, a {@code %} not followed by two hex digits stays as it is, {@code #} is an
 * ordinary character (a hand-built body may carry a raw CSRF token), and bytes that are not UTF-8
 * become U+FFFD. As in Werkzeug, the first of repeated values wins, and an absent field differs
 * from an empty one (WTForms treats them differently).
 */
public final class FormData {
  private final Map<String, String> values;

  private FormData(Map<String, String> values) {
    this.values = values;
  }

  public static FormData parse(String body) {
    Map<String, String> values = new HashMap<>();
    if (body != null) {
      for (String pair : body.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        values.putIfAbsent(unquotePlus(key), unquotePlus(value));
      }
    }
    return new FormData(values);
  }

  /** Python 2's {@code unquote_plus}, then UTF-8 with replacement. */
  private static String unquotePlus(String text) {
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
      return text;
    }
    byte[] raw = text.replace('+', ' ').getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '%' && i + 2 < raw.length) {
        int hi = Character.digit(raw[i + 1], 16);
        int lo = Character.digit(raw[i + 2], 16);
        if (hi >= 0 && lo >= 0) {
          out.write(hi << 4 | lo);
          i += 2;
          continue;
        }
      }
      out.write(raw[i]);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The first value of the field, if it was sent at all. */
  public Optional<String> first(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The first value, or "" when absent: what a WTForms field holds after processing. */
  public String value(String name) {
    return values.getOrDefault(name, "");
  }

  /** No field at all: WTForms then falls back to the object's stored values. */
  public boolean isEmpty() {
    return values.isEmpty();
  }
}
