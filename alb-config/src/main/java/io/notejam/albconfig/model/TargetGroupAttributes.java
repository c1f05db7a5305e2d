package io.notejam.albconfig.model;

import java.util.Map;

/** Target-group attribute keys, with the AWS defaults. */
public final class TargetGroupAttributes {
  public static final String DEREGISTRATION_DELAY = "deregistration_delay.timeout_seconds";
  public static final String ALGORITHM = "load_balancing.algorithm.type";
  public static final String ANOMALY_MITIGATION = "load_balancing.algorithm.anomaly_mitigation";
  public static final String SLOW_START = "slow_start.duration_seconds";
  public static final String STICKINESS_ENABLED = "stickiness.enabled";
  public static final String STICKINESS_TYPE = "stickiness.type";
  public static final String LB_COOKIE_DURATION = "stickiness.lb_cookie.duration_seconds";
  public static final String APP_COOKIE_NAME = "stickiness.app_cookie.cookie_name";
  public static final String APP_COOKIE_DURATION = "stickiness.app_cookie.duration_seconds";
  public static final String MIN_HEALTHY_COUNT =
      "target_group_health.unhealthy_state_routing.minimum_healthy_targets.count";
  public static final String MIN_HEALTHY_PERCENTAGE =
      "target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage";

  public static final String ROUND_ROBIN = "round_robin";
  public static final String LEAST_OUTSTANDING_REQUESTS = "least_outstanding_requests";
  public static final String WEIGHTED_RANDOM = "weighted_random";
  public static final String LB_COOKIE = "lb_cookie";
  public static final String APP_COOKIE = "app_cookie";

  /** Every key ELBv2 accepts for an HTTP/HTTPS (ip or instance) target group, with its default. */
  public static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry(DEREGISTRATION_DELAY, "300"),
          Map.entry(ALGORITHM, ROUND_ROBIN),
          Map.entry(ANOMALY_MITIGATION, "off"),
          Map.entry(SLOW_START, "0"),
          Map.entry(STICKINESS_ENABLED, "false"),
          Map.entry(STICKINESS_TYPE, LB_COOKIE),
          Map.entry(LB_COOKIE_DURATION, "86400"),
          Map.entry(APP_COOKIE_NAME, ""),
          Map.entry(APP_COOKIE_DURATION, "86400"),
          Map.entry("load_balancing.cross_zone.enabled", "use_load_balancer_configuration"),
          Map.entry(MIN_HEALTHY_COUNT, "1"),
          Map.entry(MIN_HEALTHY_PERCENTAGE, "off"),
          Map.entry("target_group_health.dns_failover.minimum_healthy_targets.count", "1"),
          Map.entry("target_group_health.dns_failover.minimum_healthy_targets.percentage", "off"));

  private TargetGroupAttributes() {}
}
