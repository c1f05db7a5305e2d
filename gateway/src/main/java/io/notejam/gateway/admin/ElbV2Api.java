package io.notejam.gateway.admin;

import io.notejam.albconfig.model.TargetGroup;
import io.notejam.albconfig.model.TargetGroupAttributes;
import io.notejam.gateway.proxy.Gateway;
import io.notejam.gateway.targets.Target;
import io.notejam.gateway.targets.TargetGroupRuntime;
import io.notejam.gateway.targets.TargetHealth;
import io.notejam.gateway.targets.TargetRegistry;
import io.notejam.gateway.targets.TargetState;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of the ELBv2 API the local load balancer answers: DescribeTargetGroups,
 * DescribeTargetHealth, DescribeTargetGroupAttributes, RegisterTargets and DeregisterTargets, and
 * (in {@link LoadBalancerDescriptions}) DescribeLoadBalancers, DescribeLoadBalancerAttributes,
 * DescribeListeners and DescribeRules.
 */
@Singleton
final class ElbV2Api {
  private final TargetRegistry targets;
  private final String loadBalancerArn;
  private final LoadBalancerDescriptions loadBalancer;

  ElbV2Api(Gateway gateway) {
    this.targets = gateway.targets();
    this.loadBalancerArn = gateway.loadBalancerArn();
    this.loadBalancer = new LoadBalancerDescriptions(gateway);
  }

  String handle(Map<String, String> parameters) throws QueryError {
    String action = parameters.get("Action");
    if (action == null) {
      throw new QueryError("MissingAction", "The request must contain the parameter Action");
    }
    return switch (action) {
      case "DescribeTargetGroups" -> QueryXml.response(action, describeTargetGroups(parameters));
      case "DescribeTargetHealth" -> QueryXml.response(action, describeTargetHealth(parameters));
      case "RegisterTargets" -> QueryXml.response(action, registerTargets(parameters, true));
      case "DeregisterTargets" -> QueryXml.response(action, registerTargets(parameters, false));
      case "DescribeTargetGroupAttributes" ->
          QueryXml.response(
              action,
              LoadBalancerDescriptions.attributes(
                  TargetGroupAttributes.DEFAULTS,
                  group(required(parameters, "TargetGroupArn")).config().targetGroupAttributes()));
      case "DescribeLoadBalancers" ->
          QueryXml.response(
              action,
              loadBalancer.describeLoadBalancers(
                  members(parameters, "LoadBalancerArns"), members(parameters, "Names")));
      case "DescribeLoadBalancerAttributes" ->
          QueryXml.response(
              action,
              loadBalancer.describeLoadBalancerAttributes(required(parameters, "LoadBalancerArn")));
      case "DescribeListeners" ->
          QueryXml.response(
              action,
              loadBalancer.describeListeners(
                  parameters.get("LoadBalancerArn"), members(parameters, "ListenerArns")));
      case "DescribeRules" ->
          QueryXml.response(
              action,
              loadBalancer.describeRules(
                  parameters.get("ListenerArn"), members(parameters, "RuleArns")));
      default ->
          throw new QueryError(
              "InvalidAction", "Could not find operation " + action + " for version 2015-12-01");
    };
  }

  private QueryXml describeTargetGroups(Map<String, String> parameters) throws QueryError {
    List<String> names = members(parameters, "Names");
    List<String> arns = members(parameters, "TargetGroupArns");
    String loadBalancer = parameters.get("LoadBalancerArn");
    List<TargetGroupRuntime> selected = new ArrayList<>();
    if (!names.isEmpty()) {
      for (String name : names) {
        selected.add(
            targets
                .byName(name)
                .orElseThrow(
                    () ->
                        new QueryError(
                            "TargetGroupNotFound", "One or more target groups not found")));
      }
    } else if (!arns.isEmpty()) {
      for (String arn : arns) {
        selected.add(group(arn));
      }
    } else {
      if (loadBalancer != null && !loadBalancer.equals(loadBalancerArn)) {
        throw new QueryError("LoadBalancerNotFound", "One or more load balancers not found");
      }
      selected.addAll(targets.all());
    }
    QueryXml xml = new QueryXml().open("TargetGroups");
    for (TargetGroupRuntime group : selected) {
      TargetGroup config = group.config();
      TargetGroup.HealthCheck check = group.healthCheck();
      xml.open("member")
          .element("TargetGroupArn", group.arn())
          .element("TargetGroupName", group.name())
          .element("Protocol", config.protocolOrDefault())
          .element("Port", config.port())
          .element("VpcId", config.vpcId() == null ? "vpc-local" : config.vpcId())
          .element("HealthCheckProtocol", check.protocol())
          .element("HealthCheckPort", check.port())
          .element("HealthCheckEnabled", check.enabled())
          .element("HealthCheckIntervalSeconds", check.intervalSeconds())
          .element("HealthCheckTimeoutSeconds", check.timeoutSeconds())
          .element("HealthyThresholdCount", check.healthyThreshold())
          .element("UnhealthyThresholdCount", check.unhealthyThreshold())
          .element("HealthCheckPath", check.path())
          .open("Matcher")
          .element("HttpCode", check.matcher().toString())
          .close("Matcher")
          .open("LoadBalancerArns")
          .element("member", loadBalancerArn)
          .close("LoadBalancerArns")
          .element("TargetType", config.targetType() == null ? "instance" : config.targetType())
          .element("ProtocolVersion", config.protocolVersionOrDefault())
          .element("IpAddressType", "ipv4")
          .close("member");
    }
    return xml.close("TargetGroups");
  }

  private QueryXml describeTargetHealth(Map<String, String> parameters) throws QueryError {
    TargetGroupRuntime group = group(required(parameters, "TargetGroupArn"));
    List<String[]> requested = targetsOf(parameters, group, false);
    QueryXml xml = new QueryXml().open("TargetHealthDescriptions");
    if (requested.isEmpty()) {
      for (Target target : group.targets()) {
        describe(xml, group, target.id(), target.port(), target.health());
      }
    } else {
      for (String[] wanted : requested) {
        int port = Integer.parseInt(wanted[1]);
        Optional<Target> target = group.find(wanted[0], port);
        describe(
            xml,
            group,
            wanted[0],
            port,
            target.map(Target::health).orElse(TargetHealth.NOT_REGISTERED));
      }
    }
    return xml.close("TargetHealthDescriptions");
  }

  private static void describe(
      QueryXml xml, TargetGroupRuntime group, String id, int port, TargetHealth health) {
    xml.open("member")
        .open("Target")
        .element("Id", id)
        .element("Port", port)
        .close("Target")
        .element("HealthCheckPort", Integer.toString(group.healthCheck().portFor(port)))
        .open("TargetHealth")
        .element("State", health.state().apiName())
        .element("Reason", health.reason())
        .element("Description", health.description())
        .close("TargetHealth");
    if ("weighted_random".equals(group.config().attribute("load_balancing.algorithm.type"))
        && health.state() == TargetState.HEALTHY) {
      xml.open("AnomalyDetection")
          .element("Result", "normal")
          .element("MitigationInEffect", "no")
          .close("AnomalyDetection");
    }
    xml.close("member");
  }

  private QueryXml registerTargets(Map<String, String> parameters, boolean register)
      throws QueryError {
    TargetGroupRuntime group = group(required(parameters, "TargetGroupArn"));
    List<String[]> requested = targetsOf(parameters, group, true);
    if (requested.isEmpty()) {
      throw new QueryError(
          "ValidationError",
          "1 validation error detected: Value null at 'targets' failed to satisfy constraint: Member must not be null");
    }
    List<String> invalid = new ArrayList<>();
    for (String[] target : requested) {
      if (!TargetRegistry.isIpAddress(target[0])) {
        invalid.add(target[0]);
      }
    }
    if (!invalid.isEmpty()) {
      throw new QueryError(
          "InvalidTarget",
          "The following targets are not valid IP addresses: " + String.join(", ", invalid));
    }
    for (String[] target : requested) {
      int port = Integer.parseInt(target[1]);
      if (register) {
        group.register(target[0], port);
      } else if (!group.deregister(target[0], port)) {
        throw new QueryError(
            "InvalidTarget",
            "The following targets are not registered in target group: " + target[0] + ":" + port);
      }
    }
    return new QueryXml();
  }

  private TargetGroupRuntime group(String arn) throws QueryError {
    return targets
        .byArn(arn)
        .orElseThrow(
            () -> new QueryError("TargetGroupNotFound", "One or more target groups not found"));
  }

  private static String required(Map<String, String> parameters, String name) throws QueryError {
    String value = parameters.get(name);
    if (value == null || value.isEmpty()) {
      throw new QueryError(
          "ValidationError",
          "1 validation error detected: Value null at '"
              + Character.toLowerCase(name.charAt(0))
              + name.substring(1)
              + "' failed to satisfy constraint: Member must not be null");
    }
    return value;
  }

  /** {@code Targets.member.N.Id} / {@code .Port} pairs (port defaults to the group's). */
  private static List<String[]> targetsOf(
      Map<String, String> parameters, TargetGroupRuntime group, boolean validatePort)
      throws QueryError {
    List<String[]> result = new ArrayList<>();
    for (int n = 1; parameters.containsKey("Targets.member." + n + ".Id"); n++) {
      String id = parameters.get("Targets.member." + n + ".Id");
      String port =
          parameters.getOrDefault(
              "Targets.member." + n + ".Port", Integer.toString(group.config().port()));
      try {
        int value = Integer.parseInt(port);
        if (validatePort && (value < 1 || value > 65535)) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new QueryError(
            "ValidationError", "Target port '" + port + "' must be between 1 and 65535");
      }
      result.add(new String[] {id, port});
    }
    return result;
  }

  private static List<String> members(Map<String, String> parameters, String name) {
    List<String> result = new ArrayList<>();
    for (int n = 1; parameters.containsKey(name + ".member." + n); n++) {
      result.add(parameters.get(name + ".member." + n));
    }
    return result;
  }
}
