package io.notejam.gateway.targets;

/** The ELBv2 target states, with their API spelling. */
public enum TargetState {
  INITIAL("initial"),
  HEALTHY("healthy"),
  UNHEALTHY("unhealthy"),
  UNUSED("unused"),
  DRAINING("draining"),
  UNAVAILABLE("unavailable");

  private final String apiName;

  TargetState(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }
}
