package io.notejam.flask.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A posted form as Werkzeug 0.8.3 reads {@code request.form}: from an {@code
 * application/x-www-form-urlencoded} or a {@code multipart/form-data} body (file parts left out),
 * and empty for any other type, which WTForms then treats as no data at all. An urlencoded body is
 * read as {@code url_decode} reads it: pairs split on {@code &} only, a pair without {@code =} is
 * an empty value, {@code +} is a space, a {@code %} not followed by two hex digits stays as it is,
 * {@code #} is an ordinary character (a hand-built body may carry a raw CSRF token), and bytes that
 * are not UTF-8 become U+FFFD. As in Werkzeug, the first of repeated values wins, and an absent
 * field differs from an empty one (WTForms treats them differently).
 */
public final class FormData {
  private final Map<String, String> values;

  private FormData(Map<String, String> values) {
    this.values = values;
  }

  public static FormData empty() {
    return new FormData(Map.of());
  }

  public static FormData parse(HttpRequest<?> request, @Nullable String body) {
    MediaType type = request.getContentType().orElse(null);
    if (body == null || type == null) {
      return empty();
    }
    if (type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      return urlencoded(body);
    }
    if (type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)) {
      return multipart(body, type.getParameters().get("boundary").orElse(null));
    }
    return empty();
  }

  static FormData urlencoded(String body) {
    Map<String, String> values = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.putIfAbsent(unquotePlus(key), unquotePlus(value));
    }
    return new FormData(values);
  }

  /**
   * The text fields of a multipart body: each part's {@code name} from its {@code
   * Content-Disposition}, its content without the line break before the next boundary. Parts with a
   * {@code filename} are files, which Werkzeug keeps out of {@code request.form}.
   */
  static FormData multipart(String body, @Nullable String boundary) {
    Map<String, String> values = new HashMap<>();
    if (boundary == null || boundary.isEmpty()) {
      return new FormData(values);
    }
    String delimiter = "--" + boundary;
    String[] parts = body.split(Pattern.quote(delimiter), -1);
    // parts[0] is the preamble; a part starting with "--" is the close delimiter's epilogue.
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      if (part.startsWith("--")) {
        break;
      }
      int headersEnd = part.indexOf("\r\n\r\n");
      if (headersEnd < 0) {
        continue;
      }
      String headers = part.substring(0, headersEnd);
      String content = part.substring(headersEnd + 4);
      if (content.endsWith("\r\n")) {
        content = content.substring(0, content.length() - 2);
      }
      String name = dispositionParameter(headers, NAME);
      if (name != null && dispositionParameter(headers, FILENAME) == null) {
        values.putIfAbsent(name, content);
      }
    }
    return new FormData(values);
  }

  private static final Pattern DISPOSITION =
      Pattern.compile("(?im)^content-disposition:\\s*form-data(.*)$");
  private static final Pattern NAME = parameterPattern("name");
  private static final Pattern FILENAME = parameterPattern("filename");

  /** A {@code Content-Disposition} parameter, quoted (with backslash escapes) or not. */
  private static Pattern parameterPattern(String parameter) {
    return Pattern.compile(
        ";\\s*" + parameter + "\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]*))",
        Pattern.CASE_INSENSITIVE);
  }

  private static @Nullable String dispositionParameter(String headers, Pattern parameter) {
    Matcher disposition = DISPOSITION.matcher(headers);
    if (!disposition.find()) {
      return null;
    }
    Matcher value = parameter.matcher(disposition.group(1));
    if (!value.find()) {
      return null;
    }
    return value.group(1) != null ? value.group(1).replaceAll("\\\\(.)", "$1") : value.group(2);
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
