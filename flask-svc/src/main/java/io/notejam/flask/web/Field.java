package io.notejam.flask.web;

import java.util.ArrayList;
import java.util.List;

/** One form field as the templates render it: its value and its errors in the order raised. */
public final class Field {
  public static final String REQUIRED = "This field is required.";

  private final String name;
  private String value;
  private final List<String> errors = new ArrayList<>();

  public Field(String name, String value) {
    this.name = name;
    this.value = value == null ? "" : value;
  }

  public String getName() {
    return name;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value == null ? "" : value;
  }

  public List<String> getErrors() {
    return errors;
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public void addError(String message) {
    errors.add(message);
  }

  /**
   * WTForms' Required: fails on a missing, empty or whitespace-only value (Python's notion of
   * whitespace) and adds the message. Returns whether the value is present.
   */
  public boolean required() {
    if (PythonText.isBlank(value)) {
      errors.add(REQUIRED);
      return false;
    }
    return true;
  }
}
