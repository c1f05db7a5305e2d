package io.notejam.gateway.support;

/** Small YAML documents for tests: one listener forwarding to one group of backends. */
public final class Configs {
  private Configs() {}

  /**
   * One listener whose default action forwards to group {@code app}, the given backends as its
   * targets, health checks every 5 s on {@code /health}.
   *
   * @param lbAttributes YAML flow list items for LoadBalancerAttributes (may be empty)
   * @param groupAttributes YAML flow list items for TargetGroupAttributes (may be empty)
   */
  public static String forwardTo(
      String lbAttributes, String groupAttributes, TestBackend... backends) {
    StringBuilder targets = new StringBuilder();
    for (TestBackend backend : backends) {
      targets
          .append(targets.length() == 0 ? "" : ", ")
          .append("{Id: 127.0.0.1, Port: ")
          .append(backend.port())
          .append('}');
    }
    return "Name: test-alb\n"
        + "LoadBalancerAttributes: ["
        + lbAttributes
        + "]\n"
        + "Listeners:\n"
        + "  - Port: 8080\n"
        + "    DefaultActions: [{Type: forward, ForwardConfig: {TargetGroups: [{TargetGroupName: app}]}}]\n"
        + "TargetGroups:\n"
        + "  - Name: app\n"
        + "    Protocol: HTTP\n"
        + "    Port: 80\n"
        + "    TargetType: ip\n"
        + "    HealthCheckPath: /health\n"
        + "    HealthCheckIntervalSeconds: 5\n"
        + "    HealthCheckTimeoutSeconds: 2\n"
        + "    TargetGroupAttributes: ["
        + groupAttributes
        + "]\n"
        + "    Targets: ["
        + targets
        + "]\n";
  }
}
