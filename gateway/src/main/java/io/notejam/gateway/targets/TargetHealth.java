package io.notejam.gateway.targets;

/** A target's state with the reason code and description DescribeTargetHealth reports. */
public record TargetHealth(TargetState state, String reason, String description) {
  static final TargetHealth REGISTERING =
      new TargetHealth(
          TargetState.INITIAL, "Elb.RegistrationInProgress", "Target registration is in progress");
  static final TargetHealth INITIAL_CHECKS =
      new TargetHealth(
          TargetState.INITIAL, "Elb.InitialHealthChecking", "Initial health checks in progress");
  static final TargetHealth HEALTHY = new TargetHealth(TargetState.HEALTHY, null, null);
  static final TargetHealth NOT_IN_USE =
      new TargetHealth(
          TargetState.UNUSED,
          "Target.NotInUse",
          "Target group is not configured to receive traffic from the load balancer");
  static final TargetHealth CHECKS_DISABLED =
      new TargetHealth(
          TargetState.UNAVAILABLE, "Target.HealthCheckDisabled", "Health checks are disabled");
  static final TargetHealth DRAINING =
      new TargetHealth(
          TargetState.DRAINING,
          "Target.DeregistrationInProgress",
          "Target deregistration is in progress");
  public static final TargetHealth NOT_REGISTERED =
      new TargetHealth(
          TargetState.UNUSED,
          "Target.NotRegistered",
          "Target is not registered to the target group");
  static final TargetHealth TIMEOUT =
      new TargetHealth(TargetState.UNHEALTHY, "Target.Timeout", "Request timed out");
  static final TargetHealth FAILED =
      new TargetHealth(TargetState.UNHEALTHY, "Target.FailedHealthChecks", "Health checks failed");

  static TargetHealth codeMismatch(int status) {
    return new TargetHealth(
        TargetState.UNHEALTHY,
        "Target.ResponseCodeMismatch",
        "Health checks failed with these codes: [" + status + "]");
  }
}
