package io.notejam.flask.web;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A decoded {@code application/x-www-form-urlencoded} body. As in Werkzeug, the first of repeated
 * values wins, and an absent field differs from an empty one (WTForms treats them differently).
 */
public final class FormData {
  private static final int MAX_FIELDS = 256;

  private final Map<String, List<String>> values;

  private FormData(Map<String, List<String>> values) {
    this.values = values;
  }

  public static FormData parse(String body) {
    if (body == null || body.isEmpty()) {
      return new FormData(Map.of());
    }
    try {
      return new FormData(
          new QueryStringDecoder(body, StandardCharsets.UTF_8, false, MAX_FIELDS, true)
              .parameters());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("malformed form body");
    }
  }

  /** The first value of the field, if it was sent at all. */
  public Optional<String> first(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  /** The first value, or "" when absent: what a WTForms field holds after processing. */
  public String value(String name) {
    return first(name).orElse("");
  }

  /** No field at all: WTForms then falls back to the object's stored values. */
  public boolean isEmpty() {
    return values.isEmpty();
  }
}
