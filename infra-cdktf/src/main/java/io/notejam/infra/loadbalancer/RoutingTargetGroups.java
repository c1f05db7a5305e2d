package io.notejam.infra.loadbalancer;

import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroup;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupHealthCheck;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupStickiness;
import io.notejam.albconfig.model.TargetGroup;
import io.notejam.albconfig.model.TargetGroupAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.constructs.Construct;

/**
 * The routing file's target groups as ALB target groups. The file's inline {@code Targets} are for
 * local runs; in production ECS registers each task's address.
 */
public class RoutingTargetGroups extends Construct {

  /** AWS limit on target group names. */
  static final int MAX_NAME_LENGTH = 32;

  private static final Set<String> STICKINESS_KEYS =
      Set.of(
          TargetGroupAttributes.STICKINESS_ENABLED,
          TargetGroupAttributes.STICKINESS_TYPE,
          TargetGroupAttributes.LB_COOKIE_DURATION,
          TargetGroupAttributes.APP_COOKIE_NAME,
          TargetGroupAttributes.APP_COOKIE_DURATION);

  private static final Set<String> MAPPED_KEYS =
      Set.of(
          TargetGroupAttributes.DEREGISTRATION_DELAY,
          TargetGroupAttributes.SLOW_START,
          TargetGroupAttributes.ALGORITHM,
          "load_balancing.cross_zone.enabled");

  private final Map<String, LbTargetGroup> groupsByRoutingName = new LinkedHashMap<>();

  public RoutingTargetGroups(
      Construct scope, String id, String namePrefix, List<TargetGroup> groups, String vpcId) {
    super(scope, id);
    for (TargetGroup group : groups) {
      groupsByRoutingName.put(group.name(), targetGroup(namePrefix, group, vpcId));
    }
  }

  /** ARN of the group the routing file calls {@code routingName}. */
  public String arnOf(String routingName) {
    LbTargetGroup group = groupsByRoutingName.get(routingName);
    if (group == null) {
      throw new UnsupportedRoutingException(
          "The routing file has no target group named '" + routingName + "'");
    }
    return group.getArn();
  }

  private LbTargetGroup targetGroup(String namePrefix, TargetGroup group, String vpcId) {
    String name = namePrefix + "-" + group.name();
    if (name.length() > MAX_NAME_LENGTH) {
      throw new UnsupportedRoutingException(
          "Target group name '" + name + "' is longer than " + MAX_NAME_LENGTH + " characters");
    }
    for (var attribute : group.targetGroupAttributes()) {
      if (!MAPPED_KEYS.contains(attribute.key()) && !STICKINESS_KEYS.contains(attribute.key())) {
        throw new UnsupportedRoutingException(
            "Target group '"
                + group.name()
                + "': attribute "
                + attribute.key()
                + " is not deployed by infra-cdktf");
      }
    }
    TargetGroup.HealthCheck health = group.healthCheck();
    var builder =
        LbTargetGroup.Builder.create(this, group.name())
            .name(name)
            .protocol(group.protocolOrDefault())
            .protocolVersion(group.protocolVersionOrDefault())
            .port(group.port())
            .targetType(group.targetType() != null ? group.targetType() : "instance")
            .vpcId(vpcId)
            .deregistrationDelay(group.attribute(TargetGroupAttributes.DEREGISTRATION_DELAY))
            .slowStart(Integer.parseInt(group.attribute(TargetGroupAttributes.SLOW_START)))
            .loadBalancingAlgorithmType(group.attribute(TargetGroupAttributes.ALGORITHM))
            .healthCheck(
                LbTargetGroupHealthCheck.builder()
                    .enabled(health.enabled())
                    .protocol(health.protocol())
                    .port(health.port())
                    .path(health.path())
                    .interval(health.intervalSeconds())
                    .timeout(health.timeoutSeconds())
                    .healthyThreshold(health.healthyThreshold())
                    .unhealthyThreshold(health.unhealthyThreshold())
                    .matcher(
                        group.matcher() != null && group.matcher().httpCode() != null
                            ? group.matcher().httpCode()
                            : "200")
                    .build());
    group.targetGroupAttributes().stream()
        .filter(attribute -> "load_balancing.cross_zone.enabled".equals(attribute.key()))
        .findFirst()
        .ifPresent(attribute -> builder.loadBalancingCrossZoneEnabled(attribute.value()));
    if (Boolean.parseBoolean(group.attribute(TargetGroupAttributes.STICKINESS_ENABLED))) {
      builder.stickiness(stickiness(group));
    }
    return builder.build();
  }

  private static LbTargetGroupStickiness stickiness(TargetGroup group) {
    String type = group.attribute(TargetGroupAttributes.STICKINESS_TYPE);
    var stickiness = LbTargetGroupStickiness.builder().enabled(true).type(type);
    if (TargetGroupAttributes.APP_COOKIE.equals(type)) {
      stickiness
          .cookieName(group.attribute(TargetGroupAttributes.APP_COOKIE_NAME))
          .cookieDuration(
              Integer.parseInt(group.attribute(TargetGroupAttributes.APP_COOKIE_DURATION)));
    } else {
      stickiness.cookieDuration(
          Integer.parseInt(group.attribute(TargetGroupAttributes.LB_COOKIE_DURATION)));
    }
    return stickiness.build();
  }
}
