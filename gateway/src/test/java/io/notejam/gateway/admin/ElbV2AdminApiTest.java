package io.notejam.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.notejam.gateway.proxy.Gateway;
import io.notejam.gateway.support.RawHttp;
import io.notejam.gateway.support.TestBackend;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * The whole application (Micronaut + data plane) started from a file, its admin port driven by the
 * real AWS SDK v2 ELBv2 client, as {@code aws elbv2 --endpoint-url …} would.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElbV2AdminApiTest implements TestPropertyProvider {
  /** The SDK waiters poll every 15 s by default; the local load balancer answers at once. */
  private static final Consumer<WaiterOverrideConfiguration.Builder> FAST =
      w ->
          w.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(250)))
              .waitTimeout(Duration.ofSeconds(20));

  private final TestBackend web;
  private final TestBackend spare;

  @Inject EmbeddedServer admin;
  @Inject Gateway gateway;

  ElbV2AdminApiTest() throws Exception {
    web = new TestBackend("web");
    spare = new TestBackend("spare");
  }

  @Override
  public Map<String, String> getProperties() {
    try {
      String yaml =
          """
          Name: admin-test
          Listeners:
            - Port: 8080
              DefaultActions: [{Type: forward, ForwardConfig: {TargetGroups: [{TargetGroupName: web}]}}]
              Rules:
                - Priority: 1
                  Conditions: [{Field: path-pattern, PathPatternConfig: {Values: ['/random*']}}]
                  Actions: [{Type: forward, ForwardConfig: {TargetGroups: [{TargetGroupName: random}]}}]
          TargetGroups:
            - Name: web
              Protocol: HTTP
              Port: WEB
              TargetType: ip
              HealthCheckPath: /health
              HealthCheckIntervalSeconds: 5
              HealthCheckTimeoutSeconds: 2
              TargetGroupAttributes: [{Key: deregistration_delay.timeout_seconds, Value: '1'}]
              Targets: [{Id: 127.0.0.1}]
            - Name: defaults
              Protocol: HTTP
              Port: 80
              TargetType: ip
            - Name: random
              Protocol: HTTP
              Port: WEB
              TargetType: ip
              HealthCheckIntervalSeconds: 5
              HealthCheckTimeoutSeconds: 2
              HealthCheckPath: /health
              TargetGroupAttributes: [{Key: load_balancing.algorithm.type, Value: weighted_random}]
              Targets: [{Id: 127.0.0.1}]
          """
              .replace("WEB", Integer.toString(web.port()));
      Path folder = Files.createTempDirectory("admin-test");
      Path config = folder.resolve("alb.yaml");
      Files.writeString(config, yaml);
      return Map.of(
          "gateway.config", config.toString(),
          "gateway.port", "0",
          "gateway.bind-address", "127.0.0.1",
          "gateway.access-log", folder.resolve("access.log").toString(),
          "micronaut.server.port", "-1",
          "micronaut.server.host", "127.0.0.1");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  void stopBackends() {
    web.close();
    spare.close();
  }

  private ElasticLoadBalancingV2Client client() {
    return ElasticLoadBalancingV2Client.builder()
        .endpointOverride(URI.create(admin.getURL().toString()))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private TargetGroup group(ElasticLoadBalancingV2Client elbv2, String name) {
    return elbv2.describeTargetGroups(r -> r.names(name)).targetGroups().get(0);
  }

  @Test
  void describeTargetGroupsReportsTheDocumentsSettingsAndH01Defaults() {
    try (ElasticLoadBalancingV2Client elbv2 = client()) {
      assertEquals(3, elbv2.describeTargetGroups(r -> {}).targetGroups().size());
      TargetGroup web = group(elbv2, "web");
      assertEquals("/health", web.healthCheckPath());
      assertEquals(5, web.healthCheckIntervalSeconds());
      assertEquals(gateway.loadBalancerArn(), web.loadBalancerArns().get(0));
      TargetGroup defaults = group(elbv2, "defaults");
      assertEquals("/", defaults.healthCheckPath());
      assertEquals("traffic-port", defaults.healthCheckPort());
      assertEquals(30, defaults.healthCheckIntervalSeconds());
      assertEquals(5, defaults.healthCheckTimeoutSeconds());
      assertEquals(5, defaults.healthyThresholdCount());
      assertEquals(2, defaults.unhealthyThresholdCount());
      assertEquals("200", defaults.matcher().httpCode());
      assertTrue(
          defaults
              .targetGroupArn()
              .startsWith(
                  "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/defaults/"));
    }
  }

  @Test
  void targetHealthRegisterAndDeregisterWithTheSdkWaiters() throws Exception {
    try (ElasticLoadBalancingV2Client elbv2 = client()) {
      String arn = group(elbv2, "web").targetGroupArn();
      TargetDescription original =
          TargetDescription.builder().id("127.0.0.1").port(web.port()).build();
      TargetDescription added =
          TargetDescription.builder().id("127.0.0.1").port(spare.port()).build();
      elbv2.waiter().waitUntilTargetInService(r -> r.targetGroupArn(arn).targets(original), FAST);

      elbv2.registerTargets(r -> r.targetGroupArn(arn).targets(added));
      elbv2.waiter().waitUntilTargetInService(r -> r.targetGroupArn(arn).targets(added), FAST);
      assertEquals(
          2,
          elbv2.describeTargetHealth(r -> r.targetGroupArn(arn)).targetHealthDescriptions().size());

      elbv2.deregisterTargets(r -> r.targetGroupArn(arn).targets(added));
      TargetHealthDescription draining =
          elbv2
              .describeTargetHealth(r -> r.targetGroupArn(arn).targets(added))
              .targetHealthDescriptions()
              .get(0);
      assertEquals(TargetHealthStateEnum.DRAINING, draining.targetHealth().state());
      assertEquals("Target.DeregistrationInProgress", draining.targetHealth().reasonAsString());
      elbv2.waiter().waitUntilTargetDeregistered(r -> r.targetGroupArn(arn).targets(added), FAST);
      DescribeTargetHealthResponse gone =
          elbv2.describeTargetHealth(r -> r.targetGroupArn(arn).targets(added));
      assertEquals(
          TargetHealthStateEnum.UNUSED,
          gone.targetHealthDescriptions().get(0).targetHealth().state());
      assertEquals(
          "Target.NotRegistered",
          gone.targetHealthDescriptions().get(0).targetHealth().reasonAsString());
      assertEquals("web", RawHttp.get(gateway.port(), "/").body());
    }
  }

  @Test
  void unknownTargetGroupIsTargetGroupNotFound() {
    try (ElasticLoadBalancingV2Client elbv2 = client()) {
      TargetGroupNotFoundException e =
          assertThrows(
              TargetGroupNotFoundException.class,
              () ->
                  elbv2.describeTargetHealth(
                      r ->
                          r.targetGroupArn(
                              "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/nope/0")));
      assertEquals("One or more target groups not found", e.awsErrorDetails().errorMessage());
      assertThrows(
          TargetGroupNotFoundException.class,
          () -> elbv2.describeTargetGroups(r -> r.names("nope")));
    }
  }

  @Test
  void t03WeightedRandomTargetsReportAnomalyDetection() {
    try (ElasticLoadBalancingV2Client elbv2 = client()) {
      String arn = group(elbv2, "random").targetGroupArn();
      elbv2.waiter().waitUntilTargetInService(r -> r.targetGroupArn(arn), FAST);
      TargetHealthDescription description =
          elbv2.describeTargetHealth(r -> r.targetGroupArn(arn)).targetHealthDescriptions().get(0);
      assertEquals("normal", description.anomalyDetection().resultAsString());
      assertEquals("no", description.anomalyDetection().mitigationInEffectAsString());
    }
  }

  @Test
  void loadBalancerListenersRulesAndAttributesAreDescribed() {
    try (ElasticLoadBalancingV2Client elbv2 = client()) {
      LoadBalancer loadBalancer = elbv2.describeLoadBalancers(r -> {}).loadBalancers().get(0);
      assertEquals(gateway.loadBalancerArn(), loadBalancer.loadBalancerArn());
      assertEquals("admin-test", loadBalancer.loadBalancerName());
      assertEquals("admin-test.elb.localhost", loadBalancer.dnsName());
      assertEquals("active", loadBalancer.state().codeAsString());
      assertEquals("application", loadBalancer.typeAsString());
      assertThrows(
          LoadBalancerNotFoundException.class,
          () -> elbv2.describeLoadBalancers(r -> r.names("nope")));

      Listener listener =
          elbv2
              .describeListeners(r -> r.loadBalancerArn(gateway.loadBalancerArn()))
              .listeners()
              .get(0);
      assertEquals(gateway.port(), listener.port());
      assertEquals("HTTP", listener.protocolAsString());
      assertEquals(ActionTypeEnum.FORWARD, listener.defaultActions().get(0).type());
      assertEquals(
          group(elbv2, "web").targetGroupArn(), listener.defaultActions().get(0).targetGroupArn());
      assertThrows(
          ListenerNotFoundException.class,
          () -> elbv2.describeListeners(r -> r.listenerArns(listener.listenerArn() + "0")));

      List<Rule> rules = elbv2.describeRules(r -> r.listenerArn(listener.listenerArn())).rules();
      assertEquals(List.of("1", "default"), rules.stream().map(Rule::priority).toList());
      assertEquals("path-pattern", rules.get(0).conditions().get(0).field());
      assertEquals(
          List.of("/random*"), rules.get(0).conditions().get(0).pathPatternConfig().values());
      assertEquals(
          group(elbv2, "random").targetGroupArn(),
          rules.get(0).actions().get(0).forwardConfig().targetGroups().get(0).targetGroupArn());
      assertTrue(rules.get(1).isDefault());

      Map<String, String> groupAttributes = new java.util.HashMap<>();
      elbv2
          .describeTargetGroupAttributes(
              r -> r.targetGroupArn(group(elbv2, "web").targetGroupArn()))
          .attributes()
          .forEach(a -> groupAttributes.put(a.key(), a.value()));
      assertEquals("1", groupAttributes.get("deregistration_delay.timeout_seconds"));
      assertEquals("round_robin", groupAttributes.get("load_balancing.algorithm.type"));
      Map<String, String> lbAttributes = new java.util.HashMap<>();
      elbv2
          .describeLoadBalancerAttributes(r -> r.loadBalancerArn(gateway.loadBalancerArn()))
          .attributes()
          .forEach(a -> lbAttributes.put(a.key(), a.value()));
      assertEquals("60", lbAttributes.get("idle_timeout.timeout_seconds"));
    }
  }

  @Test
  void malformedPercentEncodingInAFormIsMalformedQueryStringNotA500() throws Exception {
    int port = admin.getPort();
    String form = "Action=DescribeTargetGroups&Names.member.1=%zz";
    RawHttp.Response post =
        RawHttp.exchange(
            port,
            "POST / HTTP/1.1\nHost: localhost\nContent-Type: application/x-www-form-urlencoded\n"
                + "Content-Length: "
                + form.length()
                + "\nConnection: close\n\n"
                + form);
    assertEquals(400, post.status(), post.body());
    assertTrue(post.body().contains("<Code>MalformedQueryString</Code>"), post.body());
    assertTrue(post.header("Content-Type").startsWith("text/xml"), post.body());
    assertEquals(
        200,
        RawHttp.exchange(
                port,
                "GET /?Action=DescribeTargetGroups&Names.member.1=web HTTP/1.1\nHost: localhost\n"
                    + "Connection: close\n\n")
            .status());
  }
}
