package io.notejam.albconfig.validation;

import java.util.Map;
import java.util.Set;

/** Value rules for attribute keys, with AWS's wording for a bad value. */
final class AttributeValues {
  private AttributeValues() {}

  /** Checks one value; null means fine. */
  interface Rule {
    String check(String key, String value);
  }

  static Rule integer(int min, int max) {
    return (key, value) -> {
      try {
        int number = Integer.parseInt(value.trim());
        if (number >= min && number <= max) {
          return null;
        }
      } catch (NumberFormatException e) {
        // falls through to the message below
      }
      return "'"
          + key
          + "' must be an integer between "
          + min
          + " and "
          + max
          + ", not '"
          + value
          + "'";
    };
  }

  static Rule oneOf(String... allowed) {
    Set<String> values = Set.of(allowed);
    return (key, value) ->
        values.contains(value)
            ? null
            : "'" + key + "' value '" + value + "' must be one of: " + String.join(", ", allowed);
  }

  static Rule bool() {
    return oneOf("true", "false");
  }

  static String check(String key, String value, Map<String, Rule> rules) {
    Rule rule = rules.get(key);
    return rule == null ? null : rule.check(key, value);
  }
}
