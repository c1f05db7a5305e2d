package io.notejam.express.web;

import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/** Validation messages by form field, at most one per field (the first one found wins). */
public final class FieldErrors {
  private final Map<String, String> messages = new LinkedHashMap<>();

  public FieldErrors add(String field, String message) {
    messages.putIfAbsent(field, message);
    return this;
  }

  public boolean isEmpty() {
    return messages.isEmpty();
  }

  /** The field's message, or null when it has none. */
  @Nullable
  public String message(String field) {
    return messages.get(field);
  }
}
