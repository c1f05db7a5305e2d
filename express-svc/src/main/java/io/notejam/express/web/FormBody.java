package io.notejam.express.web;

import java.util.Map;
import java.util.Optional;

/**
 * The fields of a POST body, whether it came form-encoded or as JSON, as strings. An absent field
 * reads as empty, so that it fails "required" checks with the normal message (spec 8.8).
 */
public final class FormBody {
  private static final FormBody EMPTY = new FormBody(Map.of());
  private final Map<String, String> fields;

  FormBody(Map<String, String> fields) {
    this.fields = Map.copyOf(fields);
  }

  public static FormBody empty() {
    return EMPTY;
  }

  /** The field's value, or "" when absent. */
  public String value(String name) {
    return fields.getOrDefault(name, "");
  }

  /** The field's value if the body has it at all. */
  public Optional<String> present(String name) {
    return Optional.ofNullable(fields.get(name));
  }
}
