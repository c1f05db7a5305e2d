package io.notejam.albconfig.validation;

import io.notejam.albconfig.ConfigProblem;
import java.util.ArrayList;
import java.util.List;

/** Collects problems; the helpers word the common ones as the AWS API does. */
final class Problems {
  static final String VALIDATION = "ValidationError";

  private final List<ConfigProblem> list = new ArrayList<>();

  void add(String code, String operation, String location, String message) {
    list.add(new ConfigProblem(code, operation, location, message));
  }

  void invalid(String operation, String location, String message) {
    add(VALIDATION, operation, location, message);
  }

  /** A required member is absent. */
  void missing(String operation, String location, String member) {
    invalid(
        operation,
        location,
        "1 validation error detected: Value null at '"
            + member
            + "' failed to satisfy constraint: Member must not be null");
  }

  /** Checks {@code min <= value <= max} (value may be null: nothing to check). */
  void range(String operation, String location, String member, Integer value, int min, int max) {
    if (value == null) {
      return;
    }
    if (value < min) {
      invalid(
          operation,
          location,
          "1 validation error detected: Value '"
              + value
              + "' at '"
              + member
              + "' failed to satisfy constraint: Member must have value greater than or equal to "
              + min);
    } else if (value > max) {
      invalid(
          operation,
          location,
          "1 validation error detected: Value '"
              + value
              + "' at '"
              + member
              + "' failed to satisfy constraint: Member must have value less than or equal to "
              + max);
    }
  }

  /** Checks a string's length (null: nothing to check). */
  void length(String operation, String location, String member, String value, int min, int max) {
    if (value == null) {
      return;
    }
    if (value.length() < min || value.length() > max) {
      invalid(
          operation,
          location,
          "1 validation error detected: Value '"
              + value
              + "' at '"
              + member
              + "' failed to satisfy constraint: Member must have length "
              + (value.length() < min
                  ? "greater than or equal to " + min
                  : "less than or equal to " + max));
    }
  }

  List<ConfigProblem> all() {
    return List.copyOf(list);
  }
}
