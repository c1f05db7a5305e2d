package io.notejam.albconfig.validation;

import io.notejam.albconfig.model.Action;
import io.notejam.albconfig.model.TargetGroup;
import io.notejam.albconfig.model.TargetGroupAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a list of actions (a rule's or a listener's defaults) and each action's config. */
final class ActionValidator {
  static final int MAX_TARGET_GROUPS_PER_ACTION = 5;
  private static final Set<String> TYPES =
      Set.of(
          Action.FORWARD,
          Action.REDIRECT,
          Action.FIXED_RESPONSE,
          Action.AUTHENTICATE_OIDC,
          Action.AUTHENTICATE_COGNITO);
  private static final Set<String> CONTENT_TYPES =
      Set.of("text/plain", "text/css", "text/html", "application/javascript", "application/json");
  private static final Pattern FIXED_STATUS = Pattern.compile("[245]\\d\\d");

  private final Problems problems;
  private final Map<String, TargetGroup> groups;

  ActionValidator(Problems problems, Map<String, TargetGroup> groups) {
    this.problems = problems;
    this.groups = groups;
  }

  void validateList(List<Action> actions, String listenerProtocol, String where, String op) {
    int terminals = 0;
    Integer terminalOrder = null;
    int highestOrder = Integer.MIN_VALUE;
    Set<Integer> orders = new HashSet<>();
    for (int i = 0; i < actions.size(); i++) {
      Action action = actions.get(i);
      String at = where + "[" + i + "]";
      validate(action, listenerProtocol, at, op);
      int order = action.order() == null ? i + 1 : action.order();
      problems.range(op, at + ".Order", "order", action.order(), 1, 50000);
      if (!orders.add(order)) {
        problems.invalid(
            op, at + ".Order", "Action order '" + order + "' is used by more than one action");
      }
      highestOrder = Math.max(highestOrder, order);
      if (action.isTerminal()) {
        terminals++;
        terminalOrder = order;
      }
    }
    if (actions.isEmpty()) {
      return;
    }
    if (terminals != 1) {
      problems.invalid(
          op,
          where,
          "Exactly one of 'forward', 'redirect' or 'fixed-response' must be specified; found "
              + terminals);
    } else if (terminalOrder != highestOrder) {
      problems.invalid(
          op,
          where,
          "The 'forward', 'redirect' or 'fixed-response' action must be the last action (highest 'Order')");
    }
  }

  private void validate(Action action, String listenerProtocol, String at, String op) {
    String type = action.type();
    if (type == null) {
      problems.missing(op, at + ".Type", "type");
      return;
    }
    if (!TYPES.contains(type)) {
      problems.invalid(
          op,
          at + ".Type",
          "Action type '"
              + type
              + "' must be one of 'forward, authenticate-oidc, authenticate-cognito, redirect, fixed-response'");
      return;
    }
    switch (type) {
      case Action.FORWARD -> validateForward(action, at, op);
      case Action.REDIRECT ->
          validateRedirect(action.redirectConfig(), listenerProtocol, at + ".RedirectConfig", op);
      case Action.FIXED_RESPONSE ->
          validateFixedResponse(action.fixedResponseConfig(), at + ".FixedResponseConfig", op);
      default ->
          problems.add(
              "UnsupportedProtocol",
              op,
              at + ".Type",
              "Authenticate actions are only supported on HTTPS listeners and need an identity provider; the local load balancer does not run them");
    }
  }

  private void validateForward(Action action, String at, String op) {
    List<Action.TargetGroupTuple> tuples = action.forwardTargets();
    if (tuples.isEmpty()) {
      problems.invalid(
          op, at, "A forward action needs 'TargetGroupArn' or 'ForwardConfig.TargetGroups'");
      return;
    }
    if (action.targetGroupArn() != null
        && action.forwardConfig() != null
        && !action.forwardConfig().targetGroups().isEmpty()
        && (action.forwardConfig().targetGroups().size() != 1
            || !action
                .targetGroupArn()
                .equals(action.forwardConfig().targetGroups().get(0).targetGroupArn()))) {
      problems.invalid(
          op,
          at,
          "You cannot specify both 'TargetGroupArn' and 'ForwardConfig' unless 'ForwardConfig' has exactly that one target group");
    }
    if (tuples.size() > MAX_TARGET_GROUPS_PER_ACTION) {
      problems.add(
          "TooManyTargetGroups",
          op,
          at + ".ForwardConfig.TargetGroups",
          "You cannot specify more than '"
              + MAX_TARGET_GROUPS_PER_ACTION
              + "' target groups in a forward action");
    }
    Set<String> seen = new HashSet<>();
    boolean targetStickiness = false;
    for (int i = 0; i < tuples.size(); i++) {
      Action.TargetGroupTuple tuple = tuples.get(i);
      String tupleAt = at + ".ForwardConfig.TargetGroups[" + i + "]";
      problems.range(op, tupleAt + ".Weight", "weight", tuple.weight(), 0, 999);
      String name = tuple.groupName();
      if (name == null) {
        problems.add(
            "TargetGroupNotFound",
            op,
            tupleAt,
            "A target group must be given by 'TargetGroupArn' or 'TargetGroupName'");
        continue;
      }
      TargetGroup group = groups.get(name);
      if (group == null) {
        problems.add(
            "TargetGroupNotFound",
            op,
            tupleAt,
            "One or more target groups not found: '" + name + "'");
        continue;
      }
      if (!seen.add(name)) {
        problems.invalid(
            op,
            tupleAt,
            "Target group '" + name + "' is specified more than once in the forward action");
      }
      targetStickiness |= "true".equals(group.attribute(TargetGroupAttributes.STICKINESS_ENABLED));
    }
    Action.StickinessConfig stickiness =
        action.forwardConfig() == null
            ? null
            : action.forwardConfig().targetGroupStickinessConfig();
    if (stickiness != null && stickiness.isEnabled()) {
      problems.range(
          op,
          at + ".ForwardConfig.TargetGroupStickinessConfig.DurationSeconds",
          "durationSeconds",
          stickiness.durationSeconds() == null ? 0 : stickiness.durationSeconds(),
          1,
          604800);
    }
    if (tuples.size() > 1 && targetStickiness && (stickiness == null || !stickiness.isEnabled())) {
      problems.invalid(
          op,
          at + ".ForwardConfig.TargetGroupStickinessConfig",
          "Target group stickiness must be enabled when a forward action with several target groups includes a group with stickiness enabled");
    }
  }

  private void validateRedirect(
      Action.RedirectConfig config, String listenerProtocol, String at, String op) {
    if (config == null) {
      problems.missing(op, at, "redirectConfig");
      return;
    }
    if (config.statusCode() == null) {
      problems.missing(op, at + ".StatusCode", "statusCode");
    } else if (!config.statusCode().equals("HTTP_301") && !config.statusCode().equals("HTTP_302")) {
      problems.invalid(
          op,
          at + ".StatusCode",
          "Redirect status code '" + config.statusCode() + "' must be one of 'HTTP_301, HTTP_302'");
    }
    String protocol = config.protocol();
    if (protocol != null && !Set.of("HTTP", "HTTPS", "#{protocol}").contains(protocol)) {
      problems.invalid(
          op,
          at + ".Protocol",
          "Redirect protocol '" + protocol + "' must be one of 'HTTP, HTTPS, #{protocol}'");
    }
    if ("HTTPS".equals(listenerProtocol) && "HTTP".equals(protocol)) {
      problems.invalid(op, at + ".Protocol", "You cannot redirect from HTTPS to HTTP");
    }
    problems.length(op, at + ".Host", "host", config.host(), 1, 128);
    problems.length(op, at + ".Path", "path", config.path(), 1, 128);
    problems.length(op, at + ".Query", "query", config.query(), 0, 128);
    if (config.path() != null && !config.path().startsWith("/")) {
      problems.invalid(
          op,
          at + ".Path",
          "The redirect path '" + config.path() + "' must be absolute (start with '/')");
    }
    String port = config.port();
    if (port != null && !port.equals("#{port}")) {
      try {
        problems.range(op, at + ".Port", "port", Integer.parseInt(port), 1, 65535);
      } catch (NumberFormatException e) {
        problems.invalid(
            op,
            at + ".Port",
            "The redirect port '" + port + "' must be a number from 1 to 65535 or '#{port}'");
      }
    }
    boolean changes =
        changes(protocol, "#{protocol}")
            || changes(config.host(), "#{host}")
            || changes(port, "#{port}")
            || changes(config.path(), "/#{path}");
    if (!changes) {
      problems.invalid(
          op,
          at,
          "The redirect must change at least one of protocol, host, port or path, or it would loop");
    }
  }

  private static boolean changes(String component, String placeholder) {
    return component != null && !component.equals(placeholder);
  }

  private void validateFixedResponse(Action.FixedResponseConfig config, String at, String op) {
    if (config == null) {
      problems.missing(op, at, "fixedResponseConfig");
      return;
    }
    if (config.statusCode() == null) {
      problems.missing(op, at + ".StatusCode", "statusCode");
    } else if (!FIXED_STATUS.matcher(config.statusCode()).matches()) {
      problems.invalid(
          op,
          at + ".StatusCode",
          "1 validation error detected: Value '"
              + config.statusCode()
              + "' at 'actions.1.member.fixedResponseConfig.statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(2|4|5)\\d\\d$");
    }
    if (config.contentType() != null && !CONTENT_TYPES.contains(config.contentType())) {
      problems.invalid(
          op,
          at + ".ContentType",
          "Content type '"
              + config.contentType()
              + "' must be one of 'text/plain, text/css, text/html, application/javascript, application/json'");
    }
    problems.length(op, at + ".MessageBody", "messageBody", config.messageBody(), 0, 1024);
  }
}
