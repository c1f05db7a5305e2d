package io.notejam.albconfig.validation;

import io.notejam.albconfig.ConfigProblem;
import io.notejam.albconfig.model.Attribute;
import io.notejam.albconfig.model.Listener;
import io.notejam.albconfig.model.LoadBalancer;
import io.notejam.albconfig.model.LoadBalancerAttributes;
import io.notejam.albconfig.model.Rule;
import io.notejam.albconfig.model.TargetGroup;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a whole document: listeners, their rules, target groups, and the per-ALB quotas. */
public final class LoadBalancerValidator {
  static final int MAX_LISTENERS = 50;
  static final int MAX_RULES = 100;
  static final int MAX_TARGET_GROUPS = 100;

  /** Every problem found; empty when the document is a valid load balancer. */
  public List<ConfigProblem> validate(LoadBalancer loadBalancer) {
    Problems problems = new Problems();
    validateName(loadBalancer, problems);
    validateAttributes(loadBalancer.loadBalancerAttributes(), problems);

    Map<String, TargetGroup> groups = new HashMap<>();
    TargetGroupValidator groupValidator = new TargetGroupValidator(problems);
    for (int i = 0; i < loadBalancer.targetGroups().size(); i++) {
      TargetGroup group = loadBalancer.targetGroups().get(i);
      String where =
          "TargetGroups[" + i + "]" + (group.name() == null ? "" : " (" + group.name() + ")");
      groupValidator.validate(group, where);
      if (group.name() != null && groups.putIfAbsent(group.name(), group) != null) {
        problems.add(
            "DuplicateTargetGroupName",
            "CreateTargetGroup",
            where,
            "A target group with the same name '"
                + group.name()
                + "' exists, but with different settings");
      }
    }
    if (loadBalancer.targetGroups().size() > MAX_TARGET_GROUPS) {
      problems.add(
          "TooManyTargetGroups",
          "CreateTargetGroup",
          "TargetGroups",
          "You have reached the limit on the number of target groups for your AWS account");
    }

    if (loadBalancer.listeners().isEmpty()) {
      problems.invalid(
          "CreateListener", "Listeners", "A load balancer needs at least one listener");
    }
    if (loadBalancer.listeners().size() > MAX_LISTENERS) {
      problems.add(
          "TooManyListeners",
          "CreateListener",
          "Listeners",
          "You've reached the limit on the number of listeners per load balancer");
    }
    ActionValidator actions = new ActionValidator(problems, groups);
    RuleValidator rules = new RuleValidator(problems, actions);
    Set<Integer> ports = new HashSet<>();
    int ruleCount = 0;
    for (int i = 0; i < loadBalancer.listeners().size(); i++) {
      Listener listener = loadBalancer.listeners().get(i);
      String where =
          "Listeners["
              + i
              + "]"
              + (listener.port() == null ? "" : " (port " + listener.port() + ")");
      validateListener(listener, where, problems, actions, rules);
      if (listener.port() != null && !ports.add(listener.port())) {
        problems.add(
            "DuplicateListener",
            "CreateListener",
            where,
            "A listener already exists on this port for this load balancer");
      }
      ruleCount += listener.rules().size();
    }
    if (ruleCount > MAX_RULES) {
      problems.add(
          "TooManyRules",
          "CreateRule",
          "Listeners",
          "You've reached the limit on the number of rules per load balancer ("
              + ruleCount
              + " > "
              + MAX_RULES
              + ")");
    }
    return problems.all();
  }

  private static void validateName(LoadBalancer loadBalancer, Problems problems) {
    String name = loadBalancer.name();
    if (name != null && !name.matches("[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?")) {
      problems.invalid(
          "CreateLoadBalancer",
          "Name",
          "Load balancer name '"
              + name
              + "' must have a maximum of 32 alphanumeric characters or hyphens, and cannot begin or end with a hyphen");
    }
  }

  private static void validateListener(
      Listener listener,
      String where,
      Problems problems,
      ActionValidator actions,
      RuleValidator rules) {
    if (listener.port() == null) {
      problems.missing("CreateListener", where, "port");
    }
    problems.range("CreateListener", where + ".Port", "port", listener.port(), 1, 65535);
    String protocol = listener.protocol() == null ? "HTTP" : listener.protocol();
    if (!protocol.equals("HTTP") && !protocol.equals("HTTPS")) {
      problems.invalid(
          "CreateListener",
          where + ".Protocol",
          "Listener protocol '" + protocol + "' must be one of 'HTTPS, HTTP'");
    }
    if (protocol.equals("HTTPS") && listener.certificates().isEmpty()) {
      problems.add(
          "CertificateNotFound",
          "CreateListener",
          where + ".Certificates",
          "A certificate must be specified for HTTPS listeners");
    }
    if (listener.defaultActions().isEmpty()) {
      problems.missing("CreateListener", where + ".DefaultActions", "defaultActions");
    }
    actions.validateList(
        listener.defaultActions(), protocol, where + ".DefaultActions", "CreateListener");

    Map<Integer, Integer> priorities = new HashMap<>();
    for (int r = 0; r < listener.rules().size(); r++) {
      Rule rule = listener.rules().get(r);
      String ruleWhere =
          where
              + ".Rules["
              + r
              + "]"
              + (rule.priority() == null ? "" : " (Priority " + rule.priority() + ")");
      rules.validate(rule, protocol, ruleWhere);
      if (rule.priority() != null) {
        Integer first = priorities.putIfAbsent(rule.priority(), r);
        if (first != null) {
          problems.add(
              "PriorityInUse",
              "CreateRule",
              ruleWhere + ".Priority",
              "The specified priority is in use. (also used by Rules[" + first + "])");
        }
      }
    }
  }

  private static void validateAttributes(List<Attribute> attributes, Problems problems) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < attributes.size(); i++) {
      Attribute attribute = attributes.get(i);
      String where = "LoadBalancerAttributes[" + i + "]";
      String key = attribute.key();
      if (key == null || !LoadBalancerAttributes.DEFAULTS.containsKey(key)) {
        problems.invalid(
            "ModifyLoadBalancerAttributes",
            where,
            "Load balancer attribute key '" + key + "' is not recognized");
        continue;
      }
      if (!seen.add(key)) {
        problems.invalid(
            "ModifyLoadBalancerAttributes",
            where,
            "Load balancer attribute key '" + key + "' is specified more than once");
      }
      String value = attribute.value() == null ? "" : attribute.value();
      String problem = AttributeValues.check(key, value, LOAD_BALANCER_RULES);
      if (problem != null) {
        problems.invalid("ModifyLoadBalancerAttributes", where, problem);
      }
    }
  }

  private static final Map<String, AttributeValues.Rule> LOAD_BALANCER_RULES =
      Map.of(
          LoadBalancerAttributes.IDLE_TIMEOUT,
          AttributeValues.integer(1, 4000),
          LoadBalancerAttributes.CLIENT_KEEP_ALIVE,
          AttributeValues.integer(60, 604800),
          LoadBalancerAttributes.XFF_MODE,
          AttributeValues.oneOf("append", "preserve", "remove"),
          LoadBalancerAttributes.DESYNC_MODE,
          AttributeValues.oneOf("monitor", "defensive", "strictest"),
          LoadBalancerAttributes.XFF_CLIENT_PORT,
          AttributeValues.bool(),
          LoadBalancerAttributes.PRESERVE_HOST,
          AttributeValues.bool(),
          LoadBalancerAttributes.DROP_INVALID_HEADERS,
          AttributeValues.bool(),
          "routing.http2.enabled",
          AttributeValues.bool(),
          "deletion_protection.enabled",
          AttributeValues.bool());
}
