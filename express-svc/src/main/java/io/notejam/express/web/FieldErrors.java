package io.notejam.express.web;

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

  public boolean has(String field) {
    return messages.containsKey(field);
  }

  /** For templates: {@code ${errors['name']}}. */
  public Map<String, String> asMap() {
    return Map.copyOf(messages);
  }
}
