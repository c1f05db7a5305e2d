package io.notejam.albconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notejam.albconfig.model.Action;
import io.notejam.albconfig.model.Listener;
import io.notejam.albconfig.model.LoadBalancer;
import io.notejam.albconfig.model.Rule;
import io.notejam.albconfig.model.TargetGroup;
import io.notejam.albconfig.model.TargetGroupAttributes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The repository's routing file loads, validates and says what the seed deployment said. */
class ProjectRoutingFileTest {
  private static final Path ROUTING = Path.of("..", "routing", "notejam-alb.yaml");

  @Test
  void seedRoutingLoadsWithTheSeedsPrioritiesAndDefaultAction() throws Exception {
    LoadBalancer alb = AlbConfig.load(ROUTING);
    assertEquals("60", alb.attribute("idle_timeout.timeout_seconds"));
    Listener listener = alb.listeners().get(0);
    assertEquals(80, listener.port());
    assertEquals("express", listener.defaultActions().get(0).forwardTargets().get(0).groupName());
    Rule express = listener.rules().get(0);
    Rule flask = listener.rules().get(1);
    assertEquals(1, express.priority());
    assertEquals("/express*", express.conditions().get(0).plainValues().get(0));
    assertEquals("express", express.actions().get(0).forwardTargets().get(0).groupName());
    assertEquals(2, flask.priority());
    assertEquals("/flask*", flask.conditions().get(0).plainValues().get(0));
    Action flaskForward = flask.actions().get(0);
    assertEquals("flask", flaskForward.forwardTargets().get(0).groupName());
  }

  @Test
  void seedTargetGroupsHaveTheSeedsHealthChecks() throws Exception {
    LoadBalancer alb = AlbConfig.load(ROUTING);
    for (String name : new String[] {"express", "flask"}) {
      TargetGroup group = alb.targetGroup(name).orElseThrow();
      TargetGroup.HealthCheck check = group.healthCheck();
      assertEquals("/health", check.path());
      assertEquals(60, check.intervalSeconds());
      assertEquals(15, check.timeoutSeconds());
      assertEquals(2, check.healthyThreshold());
      assertEquals(2, check.unhealthyThreshold());
      assertTrue(check.matcher().matches(200));
      assertEquals("60", group.attribute(TargetGroupAttributes.DEREGISTRATION_DELAY));
      assertEquals("ip", group.targetType());
      assertEquals("127.0.0.1", group.targets().get(0).id());
    }
    assertEquals(3000, alb.targetGroup("express").orElseThrow().port());
    assertEquals(5000, alb.targetGroup("flask").orElseThrow().port());
  }
}
