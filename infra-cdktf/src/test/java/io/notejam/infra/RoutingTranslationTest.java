package io.notejam.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hashicorp.cdktf.Testing;
import io.notejam.albconfig.AlbConfig;
import io.notejam.albconfig.AlbConfigException;
import io.notejam.albconfig.model.LoadBalancer;
import io.notejam.infra.loadbalancer.UnsupportedRoutingException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Everything the routing model can say beyond the project's own file (weights, group stickiness,
 * redirects, fixed responses, every condition type, group attributes) reaches production as
 * written, and what the pinned provider cannot deploy stops the synth.
 */
class RoutingTranslationTest {

  private static final String ROUTING =
      """
      Name: translation
      LoadBalancerAttributes:
        - {Key: idle_timeout.timeout_seconds, Value: "120"}
        - {Key: routing.http.drop_invalid_header_fields.enabled, Value: "true"}
        - {Key: deletion_protection.enabled, Value: "true"}
        - {Key: waf.fail_open.enabled, Value: "true"}
      Listeners:
        - Port: 80
          Protocol: HTTP
          DefaultActions:
            - Type: fixed-response
              FixedResponseConfig: {StatusCode: "404", ContentType: text/plain, MessageBody: nothing here}
          Rules:
            - Priority: 10
              Conditions:
                - {Field: host-header, HostHeaderConfig: {Values: [notes.example.com]}}
                - {Field: path-pattern, PathPatternConfig: {Values: ["/express*"]}}
              Actions:
                - Type: forward
                  ForwardConfig:
                    TargetGroups:
                      - {TargetGroupName: express, Weight: 90}
                      - {TargetGroupName: flask, Weight: 10}
                    TargetGroupStickinessConfig: {Enabled: true, DurationSeconds: 300}
            - Priority: 20
              Conditions:
                - {Field: http-header, HttpHeaderConfig: {HttpHeaderName: X-Canary, Values: ["yes"]}}
                - {Field: http-request-method, HttpRequestMethodConfig: {Values: [GET, HEAD]}}
                - {Field: query-string, QueryStringConfig: {Values: [{Key: v, Value: "2"}]}}
                - {Field: source-ip, SourceIpConfig: {Values: [10.0.0.0/8]}}
              Actions:
                - {Type: forward, ForwardConfig: {TargetGroups: [{TargetGroupName: flask}]}}
            - Priority: 30
              Conditions:
                - {Field: path-pattern, PathPatternConfig: {Values: ["/old/*"]}}
              Actions:
                - {Type: redirect, RedirectConfig: {Protocol: HTTPS, Port: "443", StatusCode: HTTP_301}}
      TargetGroups:
        - Name: express
          Protocol: HTTP
          Port: 3000
          TargetType: ip
          HealthCheckPath: /health
          TargetGroupAttributes:
            - {Key: load_balancing.algorithm.type, Value: least_outstanding_requests}
            - {Key: stickiness.enabled, Value: "true"}
            - {Key: stickiness.lb_cookie.duration_seconds, Value: "3600"}
        - Name: flask
          Protocol: HTTP
          Port: 5000
          TargetType: ip
          HealthCheckPath: /health
          Matcher: {HttpCode: 200-299}
          TargetGroupAttributes:
            - {Key: slow_start.duration_seconds, Value: "60"}
      """;

  private static LoadBalancer routing;
  private static Synthesized application;

  @BeforeAll
  static void synthesize() throws AlbConfigException {
    routing = AlbConfig.parse(ROUTING, false, "translation.yaml");
    application = synthesize(routing);
  }

  @Test
  void rulesActionsAndTargetGroupsMatchTheDocument() {
    new RoutingParity(application, "notejam-prod").assertSameAs(routing, Map.of());
  }

  @Test
  void loadBalancerAndTargetGroupAttributesAreDeployed() {
    application.assertHasResource(
        "aws_lb",
        Map.of(
            "idle_timeout", 120,
            "drop_invalid_header_fields", true,
            "enable_deletion_protection", true,
            "enable_waf_fail_open", true));
    application.assertHasResource(
        "aws_lb_target_group",
        Map.of(
            "name", "notejam-prod-express",
            "load_balancing_algorithm_type", "least_outstanding_requests",
            "stickiness", Map.of("enabled", true, "type", "lb_cookie", "cookie_duration", 3600)));
    application.assertHasResource(
        "aws_lb_target_group",
        Map.of(
            "name",
            "notejam-prod-flask",
            "slow_start",
            60,
            "health_check",
            Map.of("matcher", "200-299")));
  }

  @Test
  void weightedStickyForwardBecomesAForwardBlock() {
    application.assertHasResource(
        "aws_lb_listener_rule",
        Map.of(
            "priority",
            10,
            "action",
            List.of(
                Map.of(
                    "type",
                    "forward",
                    "forward",
                    Map.of("stickiness", Map.of("enabled", true, "duration", 300))))));
  }

  @Test
  void regexConditionsCannotBeDeployedWithThePinnedProvider() throws AlbConfigException {
    LoadBalancer withRegex =
        AlbConfig.parse(
            ROUTING.replace(
                "PathPatternConfig: {Values: [\"/old/*\"]}",
                "PathPatternConfig: {RegexValues: [\"^/old/.*$\"]}"),
            false,
            "regex.yaml");
    var thrown = assertThrows(UnsupportedRoutingException.class, () -> synthesize(withRegex));
    assertTrue(thrown.getMessage().contains("RegexValues"), thrown.getMessage());
  }

  @Test
  void attributesWithoutATerraformArgumentStopTheSynth() throws AlbConfigException {
    LoadBalancer withKeepAlive =
        AlbConfig.parse(
            ROUTING.replace(
                "LoadBalancerAttributes:\n",
                "LoadBalancerAttributes:\n  - {Key: client_keep_alive.seconds, Value: \"600\"}\n"),
            false,
            "keep-alive.yaml");
    var thrown = assertThrows(UnsupportedRoutingException.class, () -> synthesize(withKeepAlive));
    assertEquals(
        "Load balancer attribute client_keep_alive.seconds is not deployed by infra-cdktf",
        thrown.getMessage());
  }

  private static Synthesized synthesize(LoadBalancer routing) {
    NotejamStacks stacks =
        NotejamStacks.create(
            SynthesizedStacks.newApp(),
            DeploymentSettings.fromEnvironment(SynthesizedStacks.ENVIRONMENT),
            routing);
    return new Synthesized(Testing.synth(stacks.application(), true));
  }
}
