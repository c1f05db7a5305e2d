package io.notejam.albconfig.validation;

import io.notejam.albconfig.model.Condition;
import io.notejam.albconfig.model.Rule;
import io.notejam.albconfig.model.Transform;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks one listener rule: priority, conditions and their quotas, actions, transforms. */
final class RuleValidator {
  static final int MAX_VALUES_PER_CONDITION = 3;
  static final int MAX_VALUES_PER_RULE = 5;
  static final int MAX_WILDCARDS_PER_RULE = 5;
  private static final String OP = "CreateRule";
  private static final Set<String> FIELDS =
      Set.of(
          Condition.HOST_HEADER,
          Condition.PATH_PATTERN,
          Condition.HTTP_HEADER,
          Condition.QUERY_STRING,
          Condition.HTTP_REQUEST_METHOD,
          Condition.SOURCE_IP);
  private static final Set<String> AT_MOST_ONCE =
      Set.of(
          Condition.HOST_HEADER,
          Condition.PATH_PATTERN,
          Condition.HTTP_REQUEST_METHOD,
          Condition.SOURCE_IP);
  private static final Pattern PATH_CHARS = Pattern.compile("[A-Za-z0-9_\\-.$/~\"'@:+&*?]*");
  private static final Pattern HOST_CHARS = Pattern.compile("[A-Za-z0-9\\-.*?]*");
  private static final Pattern HOST_TAIL = Pattern.compile("[A-Za-z0-9*?]+");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
  private static final Pattern METHOD = Pattern.compile("[A-Z_\\-]+");

  private final Problems problems;
  private final ActionValidator actions;

  RuleValidator(Problems problems, ActionValidator actions) {
    this.problems = problems;
    this.actions = actions;
  }

  void validate(Rule rule, String listenerProtocol, String where) {
    if (rule.priority() == null) {
      problems.missing(OP, where + ".Priority", "priority");
    }
    problems.range(OP, where + ".Priority", "priority", rule.priority(), 1, 50000);
    if (rule.conditions().isEmpty()) {
      problems.invalid(OP, where + ".Conditions", "A rule must have at least one condition");
    }
    Map<String, Integer> fieldCounts = new HashMap<>();
    int values = 0;
    int wildcards = 0;
    for (int i = 0; i < rule.conditions().size(); i++) {
      Condition condition = rule.conditions().get(i);
      String at = where + ".Conditions[" + i + "]";
      if (!validateShape(condition, at)) {
        continue;
      }
      int count = fieldCounts.merge(condition.field(), 1, Integer::sum);
      if (count == 2 && AT_MOST_ONCE.contains(condition.field())) {
        problems.invalid(OP, at, "A rule can only have one '" + condition.field() + "' condition");
      }
      values += validateValues(condition, at);
      wildcards += wildcardsIn(condition);
    }
    if (values > MAX_VALUES_PER_RULE) {
      problems.add(
          "TooManyConditionValues",
          OP,
          where + ".Conditions",
          "A rule can only have '"
              + MAX_VALUES_PER_RULE
              + "' condition values; this rule has "
              + values);
    }
    if (wildcards > MAX_WILDCARDS_PER_RULE) {
      problems.add(
          "TooManyConditionValues",
          OP,
          where + ".Conditions",
          "A rule can only have '"
              + MAX_WILDCARDS_PER_RULE
              + "' wildcards; this rule has "
              + wildcards);
    }
    actions.validateList(rule.actions(), listenerProtocol, where + ".Actions", OP);
    if (rule.actions().isEmpty()) {
      problems.missing(OP, where + ".Actions", "actions");
    }
    validateTransforms(rule.transforms(), where + ".Transforms");
  }

  /** Field known, its config present and no other config given; false if nothing more to check. */
  private boolean validateShape(Condition condition, String at) {
    String field = condition.field();
    if (field == null) {
      problems.missing(OP, at + ".Field", "field");
      return false;
    }
    if (!FIELDS.contains(field)) {
      problems.invalid(
          OP,
          at + ".Field",
          "Condition field '"
              + field
              + "' must be one of '[http-header, http-request-method, host-header, path-pattern, query-string, source-ip]'");
      return false;
    }
    Map<String, Object> configs = new HashMap<>();
    configs.put(Condition.HOST_HEADER, condition.hostHeaderConfig());
    configs.put(Condition.PATH_PATTERN, condition.pathPatternConfig());
    configs.put(Condition.HTTP_HEADER, condition.httpHeaderConfig());
    configs.put(Condition.QUERY_STRING, condition.queryStringConfig());
    configs.put(Condition.HTTP_REQUEST_METHOD, condition.httpRequestMethodConfig());
    configs.put(Condition.SOURCE_IP, condition.sourceIpConfig());
    for (Map.Entry<String, Object> entry : configs.entrySet()) {
      if (entry.getValue() != null && !entry.getKey().equals(field)) {
        problems.invalid(
            OP,
            at,
            "A '"
                + entry.getKey()
                + "' configuration cannot be specified for a '"
                + field
                + "' condition");
        return false;
      }
    }
    boolean legacy = !condition.values().isEmpty();
    if (legacy) {
      if (!field.equals(Condition.HOST_HEADER) && !field.equals(Condition.PATH_PATTERN)) {
        problems.invalid(
            OP,
            at + ".Values",
            "The 'Values' field is only supported for 'host-header' and 'path-pattern' conditions; use the '"
                + field
                + "' configuration");
        return false;
      }
      if (condition.values().size() > 1) {
        problems.invalid(
            OP,
            at + ".Values",
            "The '" + field + "' field contains too many values; the limit is '1'");
      }
      if (configs.get(field) != null) {
        problems.invalid(
            OP, at, "Specify either 'Values' or the '" + field + "' configuration, not both");
        return false;
      }
      return true;
    }
    if (configs.get(field) == null) {
      problems.invalid(OP, at, "A '" + field + "' condition needs its configuration or 'Values'");
      return false;
    }
    return true;
  }

  /** Validates the values of one condition; returns how many it has. */
  private int validateValues(Condition condition, String at) {
    String field = condition.field();
    if (field.equals(Condition.QUERY_STRING)) {
      return validateQuery(condition.queryStringConfig(), at + ".QueryStringConfig.Values");
    }
    String config = configName(field);
    if (field.equals(Condition.HTTP_HEADER)) {
      validateHeaderName(
          condition.httpHeaderConfig().httpHeaderName(), at + ".HttpHeaderConfig.HttpHeaderName");
    }
    List<String> plain = condition.plainValues();
    List<String> regex = condition.regexValues();
    String valuesAt = at + (condition.values().isEmpty() ? "." + config + ".Values" : ".Values");
    if (!plain.isEmpty() && !regex.isEmpty()) {
      problems.invalid(OP, at + "." + config, "Specify either 'Values' or 'RegexValues', not both");
    }
    if (plain.isEmpty() && regex.isEmpty()) {
      problems.invalid(OP, valuesAt, "A condition must have at least one value");
    }
    int count = plain.size() + regex.size();
    if (count > MAX_VALUES_PER_CONDITION) {
      problems.add(
          "TooManyConditionValues",
          OP,
          valuesAt,
          "A condition can only have '"
              + MAX_VALUES_PER_CONDITION
              + "' values; this one has "
              + count);
    }
    for (int i = 0; i < plain.size(); i++) {
      validatePlainValue(field, plain.get(i), valuesAt + "[" + i + "]");
    }
    for (int i = 0; i < regex.size(); i++) {
      String regexAt = at + "." + config + ".RegexValues[" + i + "]";
      problems.length(OP, regexAt, "regexValues", regex.get(i), 1, 128);
      String problem = AwsRegex.problemWith(regex.get(i));
      if (problem != null) {
        problems.invalid(OP, regexAt, "The regex '" + regex.get(i) + "' is not valid: " + problem);
      }
    }
    return count;
  }

  private void validatePlainValue(String field, String value, String at) {
    switch (field) {
      case Condition.PATH_PATTERN -> {
        problems.length(OP, at, "values", value, 1, 128);
        if (!PATH_CHARS.matcher(value).matches()) {
          problems.invalid(
              OP,
              at,
              "The path pattern '"
                  + value
                  + "' contains invalid characters; allowed are A-Z, a-z, 0-9, _ - . $ / ~ \" ' @ : + & * ?");
        }
      }
      case Condition.HOST_HEADER -> {
        problems.length(OP, at, "values", value, 1, 128);
        int dot = value.lastIndexOf('.');
        if (!HOST_CHARS.matcher(value).matches()
            || dot < 0
            || !HOST_TAIL.matcher(value.substring(dot + 1)).matches()) {
          problems.invalid(
              OP,
              at,
              "The host header '"
                  + value
                  + "' is not valid; it may contain A-Z, a-z, 0-9, - . * ? and needs at least one '.' followed by alphanumeric characters");
        }
      }
      case Condition.HTTP_HEADER -> problems.length(OP, at, "values", value, 1, 128);
      case Condition.HTTP_REQUEST_METHOD -> {
        problems.length(OP, at, "values", value, 1, 40);
        if (!METHOD.matcher(value).matches()) {
          problems.invalid(
              OP,
              at,
              "The HTTP request method '"
                  + value
                  + "' may only contain A-Z, hyphens and underscores");
        }
      }
      case Condition.SOURCE_IP -> validateCidr(value, at);
      default -> throw new IllegalStateException(field);
    }
  }

  private void validateHeaderName(String name, String at) {
    if (name == null) {
      problems.missing(OP, at, "httpHeaderName");
      return;
    }
    problems.length(OP, at, "httpHeaderName", name, 1, 40);
    if (!TOKEN.matcher(name).matches() || name.contains("*")) {
      problems.invalid(OP, at, "The HTTP header name '" + name + "' is not a valid header name");
    } else if (name.equalsIgnoreCase("host")) {
      problems.invalid(
          OP,
          at,
          "The 'Host' header cannot be used in an 'http-header' condition; use a 'host-header' condition");
    }
  }

  private int validateQuery(Condition.QueryStringConfig config, String at) {
    if (config.values().isEmpty()) {
      problems.invalid(OP, at, "A condition must have at least one value");
    }
    if (config.values().size() > MAX_VALUES_PER_CONDITION) {
      problems.add(
          "TooManyConditionValues",
          OP,
          at,
          "A condition can only have '"
              + MAX_VALUES_PER_CONDITION
              + "' values; this one has "
              + config.values().size());
    }
    for (int i = 0; i < config.values().size(); i++) {
      Condition.KeyValue pair = config.values().get(i);
      problems.length(OP, at + "[" + i + "].Key", "key", pair.key(), 1, 128);
      if (pair.value() == null) {
        problems.missing(OP, at + "[" + i + "].Value", "value");
      }
      problems.length(OP, at + "[" + i + "].Value", "value", pair.value(), 1, 128);
    }
    return config.values().size();
  }

  private void validateCidr(String value, String at) {
    int slash = value.indexOf('/');
    String message = "The source IP '" + value + "' is not a valid CIDR block";
    if (slash < 0 || value.equals("255.255.255.255/32")) {
      problems.invalid(OP, at, message);
      return;
    }
    String address = value.substring(0, slash);
    if (!address.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
      problems.invalid(OP, at, message);
      return;
    }
    try {
      int bits = Integer.parseInt(value.substring(slash + 1));
      int max = InetAddress.getByName(address).getAddress().length * 8;
      if (bits < 0 || bits > max) {
        problems.invalid(OP, at, message);
      }
    } catch (NumberFormatException | UnknownHostException e) {
      problems.invalid(OP, at, message);
    }
  }

  private static int wildcardsIn(Condition condition) {
    int count = 0;
    switch (condition.field()) {
      case Condition.QUERY_STRING -> {
        for (Condition.KeyValue pair : condition.queryStringConfig().values()) {
          count += wildcards(pair.key()) + wildcards(pair.value());
        }
      }
      case Condition.HOST_HEADER, Condition.PATH_PATTERN, Condition.HTTP_HEADER -> {
        for (String value : condition.plainValues()) {
          count += wildcards(value);
        }
      }
      default -> {
        // method and source-ip take no wildcards
      }
    }
    return count;
  }

  /** Counts unescaped {@code *} and {@code ?}. */
  private static int wildcards(String value) {
    if (value == null) {
      return 0;
    }
    int count = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '*' || c == '?') {
        count++;
      }
    }
    return count;
  }

  private void validateTransforms(List<Transform> transforms, String where) {
    Set<String> types = new HashSet<>();
    for (int i = 0; i < transforms.size(); i++) {
      Transform transform = transforms.get(i);
      String at = where + "[" + i + "]";
      String type = transform.type();
      if (!Transform.HOST_HEADER_REWRITE.equals(type) && !Transform.URL_REWRITE.equals(type)) {
        problems.invalid(
            OP,
            at + ".Type",
            "Transform type '" + type + "' must be one of 'host-header-rewrite, url-rewrite'");
        continue;
      }
      if (!types.add(type)) {
        problems.invalid(OP, at, "A rule can only have one '" + type + "' transform");
      }
      Transform.RewriteConfig config = transform.config();
      String configAt =
          at
              + (Transform.URL_REWRITE.equals(type)
                  ? ".UrlRewriteConfig"
                  : ".HostHeaderRewriteConfig");
      if (config == null) {
        problems.missing(OP, configAt, "rewriteConfig");
        continue;
      }
      if (config.rewrites().size() != 1) {
        problems.invalid(OP, configAt + ".Rewrites", "A transform must have exactly one rewrite");
      }
      for (int r = 0; r < config.rewrites().size(); r++) {
        Transform.Rewrite rewrite = config.rewrites().get(r);
        String rewriteAt = configAt + ".Rewrites[" + r + "]";
        if (rewrite.regex() == null || rewrite.replace() == null) {
          problems.missing(OP, rewriteAt, rewrite.regex() == null ? "regex" : "replace");
          continue;
        }
        problems.length(OP, rewriteAt + ".Regex", "regex", rewrite.regex(), 1, 1024);
        problems.length(OP, rewriteAt + ".Replace", "replace", rewrite.replace(), 1, 1024);
        String problem = AwsRegex.problemWith(rewrite.regex());
        if (problem != null) {
          problems.invalid(
              OP,
              rewriteAt + ".Regex",
              "The regex '" + rewrite.regex() + "' is not valid: " + problem);
        }
      }
    }
  }

  private static String configName(String field) {
    return switch (field) {
      case Condition.HOST_HEADER -> "HostHeaderConfig";
      case Condition.PATH_PATTERN -> "PathPatternConfig";
      case Condition.HTTP_HEADER -> "HttpHeaderConfig";
      case Condition.HTTP_REQUEST_METHOD -> "HttpRequestMethodConfig";
      case Condition.SOURCE_IP -> "SourceIpConfig";
      default -> "QueryStringConfig";
    };
  }
}
