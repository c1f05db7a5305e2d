package io.notejam.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.notejam.albconfig.model.LoadBalancer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Production routing is generated from the gateway's routing file and cannot drift from it. */
class RoutingParityTest {

  private final LoadBalancer routing = SynthesizedStacks.routing();

  @Test
  void httpDeploymentHasExactlyTheRoutingFilesRulesAndTargetGroups() {
    new RoutingParity(SynthesizedStacks.application(), "notejam-prod")
        .assertSameAs(routing, Map.of());
  }

  @Test
  void httpsDeploymentServesTheSameRulesOn443() {
    new RoutingParity(SynthesizedStacks.applicationWithDomain(), "notejam-prod")
        .assertSameAs(routing, Map.of(80, 443));
  }

  @Test
  void theRoutingFileIsTheSeedsRouting() {
    // Guards the parity test itself: an empty or unreadable file would compare equal to nothing.
    assertEquals(2, routing.targetGroups().size());
    assertEquals(2, routing.listeners().get(0).rules().size());
    SynthesizedStacks.application()
        .assertHasResource(
            "aws_lb_listener_rule",
            Map.of(
                "priority",
                2,
                "condition",
                java.util.List.of(
                    Map.of("path_pattern", Map.of("values", java.util.List.of("/flask*"))))));
    SynthesizedStacks.application()
        .assertHasResource(
            "aws_lb_target_group",
            Map.of(
                "name", "notejam-prod-flask",
                "port", 5000,
                "target_type", "ip",
                "deregistration_delay", "60",
                "health_check",
                    Map.of(
                        "path",
                        "/health",
                        "interval",
                        60,
                        "timeout",
                        15,
                        "healthy_threshold",
                        2,
                        "unhealthy_threshold",
                        2)));
  }
}
