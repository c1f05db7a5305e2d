package io.notejam.albconfig.validation;

import static io.notejam.albconfig.model.TargetGroupAttributes.ALGORITHM;
import static io.notejam.albconfig.model.TargetGroupAttributes.ANOMALY_MITIGATION;
import static io.notejam.albconfig.model.TargetGroupAttributes.APP_COOKIE;
import static io.notejam.albconfig.model.TargetGroupAttributes.APP_COOKIE_DURATION;
import static io.notejam.albconfig.model.TargetGroupAttributes.APP_COOKIE_NAME;
import static io.notejam.albconfig.model.TargetGroupAttributes.DEREGISTRATION_DELAY;
import static io.notejam.albconfig.model.TargetGroupAttributes.LB_COOKIE;
import static io.notejam.albconfig.model.TargetGroupAttributes.LB_COOKIE_DURATION;
import static io.notejam.albconfig.model.TargetGroupAttributes.LEAST_OUTSTANDING_REQUESTS;
import static io.notejam.albconfig.model.TargetGroupAttributes.MIN_HEALTHY_COUNT;
import static io.notejam.albconfig.model.TargetGroupAttributes.ROUND_ROBIN;
import static io.notejam.albconfig.model.TargetGroupAttributes.SLOW_START;
import static io.notejam.albconfig.model.TargetGroupAttributes.STICKINESS_ENABLED;
import static io.notejam.albconfig.model.TargetGroupAttributes.STICKINESS_TYPE;
import static io.notejam.albconfig.model.TargetGroupAttributes.WEIGHTED_RANDOM;

import io.notejam.albconfig.model.Attribute;
import io.notejam.albconfig.model.HttpCodeMatcher;
import io.notejam.albconfig.model.TargetGroup;
import io.notejam.albconfig.model.TargetGroupAttributes;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Checks one target group: protocol, health-check settings, matcher, attributes, targets. */
final class TargetGroupValidator {
  static final int MAX_TARGETS = 1000;
  private static final String OP = "CreateTargetGroup";
  private static final String ATTRIBUTES_OP = "ModifyTargetGroupAttributes";
  private static final Map<String, AttributeValues.Rule> RULES =
      Map.of(
          DEREGISTRATION_DELAY,
          AttributeValues.integer(0, 3600),
          ALGORITHM,
          AttributeValues.oneOf(ROUND_ROBIN, LEAST_OUTSTANDING_REQUESTS, WEIGHTED_RANDOM),
          ANOMALY_MITIGATION,
          AttributeValues.oneOf("on", "off"),
          STICKINESS_ENABLED,
          AttributeValues.bool(),
          STICKINESS_TYPE,
          AttributeValues.oneOf(LB_COOKIE, APP_COOKIE),
          LB_COOKIE_DURATION,
          AttributeValues.integer(1, 604800),
          APP_COOKIE_DURATION,
          AttributeValues.integer(1, 604800),
          MIN_HEALTHY_COUNT,
          AttributeValues.integer(1, MAX_TARGETS),
          "load_balancing.cross_zone.enabled",
          AttributeValues.oneOf("true", "false", "use_load_balancer_configuration"));

  private final Problems problems;

  TargetGroupValidator(Problems problems) {
    this.problems = problems;
  }

  void validate(TargetGroup group, String where) {
    validateIdentity(group, where);
    validateHealthCheck(group, where);
    validateAttributes(group, where);
    validateTargets(group, where);
  }

  private void validateIdentity(TargetGroup group, String where) {
    String name = group.name();
    if (name == null) {
      problems.missing(OP, where + ".Name", "name");
    } else if (!name.matches("[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?")) {
      problems.invalid(
          OP,
          where + ".Name",
          "Target group name '"
              + name
              + "' can have a maximum of 32 characters, can contain only alphanumeric characters or hyphens, and cannot begin or end with a hyphen");
    }
    if (!Set.of("HTTP", "HTTPS").contains(group.protocolOrDefault())) {
      problems.invalid(
          OP,
          where + ".Protocol",
          "Target group protocol '"
              + group.protocol()
              + "' must be one of 'HTTP, HTTPS' for an application load balancer");
    }
    if (!Set.of("HTTP1", "HTTP2", "GRPC").contains(group.protocolVersionOrDefault())) {
      problems.invalid(
          OP,
          where + ".ProtocolVersion",
          "Protocol version '" + group.protocolVersion() + "' must be one of 'HTTP1, HTTP2, GRPC'");
    }
    String type = group.targetType() == null ? "instance" : group.targetType();
    if (!Set.of("instance", "ip").contains(type)) {
      problems.invalid(
          OP,
          where + ".TargetType",
          "Target type '"
              + type
              + "' must be one of 'instance, ip' (lambda and alb targets are not served locally)");
    }
    if (group.port() == null) {
      problems.missing(OP, where + ".Port", "port");
    }
    problems.range(OP, where + ".Port", "port", group.port(), 1, 65535);
  }

  private void validateHealthCheck(TargetGroup group, String where) {
    problems.range(
        OP,
        where + ".HealthCheckIntervalSeconds",
        "healthCheckIntervalSeconds",
        group.healthCheckIntervalSeconds(),
        5,
        300);
    problems.range(
        OP,
        where + ".HealthCheckTimeoutSeconds",
        "healthCheckTimeoutSeconds",
        group.healthCheckTimeoutSeconds(),
        2,
        120);
    problems.range(
        OP,
        where + ".HealthyThresholdCount",
        "healthyThresholdCount",
        group.healthyThresholdCount(),
        2,
        10);
    problems.range(
        OP,
        where + ".UnhealthyThresholdCount",
        "unhealthyThresholdCount",
        group.unhealthyThresholdCount(),
        2,
        10);
    if (group.healthCheckProtocol() != null
        && !Set.of("HTTP", "HTTPS").contains(group.healthCheckProtocol())) {
      problems.invalid(
          OP,
          where + ".HealthCheckProtocol",
          "Health check protocol '"
              + group.healthCheckProtocol()
              + "' must be one of 'HTTP, HTTPS'");
    }
    String port = group.healthCheckPort();
    if (port != null && !port.equals(TargetGroup.HealthCheck.TRAFFIC_PORT)) {
      try {
        problems.range(
            OP, where + ".HealthCheckPort", "healthCheckPort", Integer.parseInt(port), 1, 65535);
      } catch (NumberFormatException e) {
        problems.invalid(
            OP,
            where + ".HealthCheckPort",
            "Health check port '" + port + "' must be a number from 1 to 65535 or 'traffic-port'");
      }
    }
    String path = group.healthCheckPath();
    if (path != null && (!path.startsWith("/") || path.length() > 1024)) {
      problems.invalid(
          OP,
          where + ".HealthCheckPath",
          "Health check path '"
              + path
              + "' must begin with a '/' and have at most 1024 characters");
    }
    int interval =
        group.healthCheckIntervalSeconds() == null ? 30 : group.healthCheckIntervalSeconds();
    int timeout = group.healthCheckTimeoutSeconds() == null ? 5 : group.healthCheckTimeoutSeconds();
    if (timeout >= interval) {
      problems.invalid(
          OP,
          where + ".HealthCheckTimeoutSeconds",
          "Health check timeout '"
              + timeout
              + "' must be smaller than the interval '"
              + interval
              + "'");
    }
    TargetGroup.Matcher matcher = group.matcher();
    if (matcher != null && matcher.httpCode() != null) {
      try {
        HttpCodeMatcher parsed = HttpCodeMatcher.parse(matcher.httpCode());
        if (!parsed.within(200, 499)) {
          problems.invalid(
              OP,
              where + ".Matcher.HttpCode",
              "Health check matcher HTTP code '" + matcher.httpCode() + "' must be within 200-499");
        }
      } catch (IllegalArgumentException e) {
        problems.invalid(
            OP,
            where + ".Matcher.HttpCode",
            "Health check matcher HTTP code '"
                + matcher.httpCode()
                + "' must be a code, a list such as '200,202' or a range such as '200-299'");
      }
    }
    if (matcher != null
        && matcher.grpcCode() != null
        && !"GRPC".equals(group.protocolVersionOrDefault())) {
      problems.invalid(
          OP,
          where + ".Matcher.GrpcCode",
          "A gRPC code matcher is only valid for target groups with protocol version 'GRPC'");
    }
  }

  private void validateAttributes(TargetGroup group, String where) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < group.targetGroupAttributes().size(); i++) {
      Attribute attribute = group.targetGroupAttributes().get(i);
      String at = where + ".TargetGroupAttributes[" + i + "]";
      String key = attribute.key();
      if (key == null || !TargetGroupAttributes.DEFAULTS.containsKey(key)) {
        problems.invalid(
            ATTRIBUTES_OP, at, "Target group attribute key '" + key + "' is not recognized");
        continue;
      }
      if (!seen.add(key)) {
        problems.invalid(
            ATTRIBUTES_OP,
            at,
            "Target group attribute key '" + key + "' is specified more than once");
      }
      String value = attribute.value() == null ? "" : attribute.value();
      String problem = AttributeValues.check(key, value, RULES);
      if (problem != null) {
        problems.invalid(ATTRIBUTES_OP, at, problem);
      }
    }
    String at = where + ".TargetGroupAttributes";
    String slowStart = group.attribute(SLOW_START);
    if (!slowStart.equals("0")) {
      String problem = AttributeValues.integer(30, 900).check(SLOW_START, slowStart);
      if (problem != null) {
        problems.invalid(ATTRIBUTES_OP, at, problem + " (or 0 to disable)");
      } else if (LEAST_OUTSTANDING_REQUESTS.equals(group.attribute(ALGORITHM))) {
        problems.invalid(
            ATTRIBUTES_OP,
            at,
            "Slow start mode cannot be enabled with the 'least_outstanding_requests' routing algorithm");
      }
    }
    if ("on".equals(group.attribute(ANOMALY_MITIGATION))
        && !WEIGHTED_RANDOM.equals(group.attribute(ALGORITHM))) {
      problems.invalid(
          ATTRIBUTES_OP,
          at,
          "Anomaly mitigation can only be turned on with the 'weighted_random' routing algorithm");
    }
    if (APP_COOKIE.equals(group.attribute(STICKINESS_TYPE))
        && "true".equals(group.attribute(STICKINESS_ENABLED))) {
      String cookie = group.attribute(APP_COOKIE_NAME);
      if (cookie.isEmpty()) {
        problems.invalid(
            ATTRIBUTES_OP,
            at,
            "'" + APP_COOKIE_NAME + "' is required for application-based stickiness");
      }
    }
    String cookie = group.attribute(APP_COOKIE_NAME);
    if (cookie.startsWith("AWSALB")) {
      problems.invalid(
          ATTRIBUTES_OP,
          at,
          "Application cookie name '"
              + cookie
              + "' cannot start with 'AWSALB', 'AWSALBAPP' or 'AWSALBTG'; they are reserved for the load balancer");
    }
  }

  private void validateTargets(TargetGroup group, String where) {
    if (group.targets().size() > MAX_TARGETS) {
      problems.add(
          "TooManyTargets",
          "RegisterTargets",
          where + ".Targets",
          "You've reached the limit on the number of targets");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < group.targets().size(); i++) {
      TargetGroup.Target target = group.targets().get(i);
      String at = where + ".Targets[" + i + "]";
      if (target.id() == null || target.id().isBlank()) {
        problems.missing("RegisterTargets", at + ".Id", "id");
        continue;
      }
      problems.range("RegisterTargets", at + ".Port", "port", target.port(), 1, 65535);
      int port = target.port() != null ? target.port() : group.port() == null ? 0 : group.port();
      if (!seen.add(target.id() + ":" + port)) {
        problems.invalid(
            "RegisterTargets",
            at,
            "Target '" + target.id() + ":" + port + "' is registered more than once");
      }
    }
  }
}
