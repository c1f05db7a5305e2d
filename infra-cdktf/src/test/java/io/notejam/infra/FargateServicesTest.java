package io.notejam.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.Testing;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FargateServicesTest {

  /** The RDS-managed secret, read from the database stack's remote state. */
  static final String DATABASE_SECRET =
      "\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-notejam-database\\.outputs\\.[^}]+master_user_secret0secret_arn}";

  private final Synthesized application = SynthesizedStacks.application();

  static List<Arguments> services() {
    return List.of(
        Arguments.of("express-svc", 3000, "notejam_express"),
        Arguments.of("flask-svc", 5000, "notejam_flask"));
  }

  @Test
  void clusterHasContainerInsights() {
    application.assertHasResource(
        "aws_ecs_cluster",
        Map.of(
            "name",
            "notejam-prod-cluster",
            "setting",
            List.of(Map.of("name", "containerInsights", "value", "enabled"))));
  }

  @ParameterizedTest
  @MethodSource("services")
  void taskDefinitionIsAQuarterVcpuHalfGigabyteFargateTask(
      String service, int port, String schema) {
    application.assertHasResource(
        "aws_ecs_task_definition",
        Map.of(
            "family", "notejam-prod-" + service,
            "cpu", "256",
            "memory", "512",
            "network_mode", "awsvpc",
            "requires_compatibilities", List.of("FARGATE")));
  }

  @ParameterizedTest
  @MethodSource("services")
  void serviceContainerGetsTheEnvironmentContract(String service, int port, String schema) {
    JsonNode container = container(service, service);
    assertTrue(container.path("essential").asBoolean());
    assertTrue(
        container
            .path("image")
            .asText()
            .matches(
                "\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-notejam-registry\\.outputs\\.[^}]+repository_url}:\\$\\{var\\.image_tag}"));
    assertEquals(port, container.path("portMappings").get(0).path("containerPort").asInt());
    Map<String, String> environment = pairs(container.path("environment"), "value");
    assertEquals(Integer.toString(port), environment.get("PORT"));
    assertEquals("production", environment.get("ENVIRONMENT"));
    assertEquals(schema, environment.get("DATABASE_SCHEMA"));
    assertTrue(
        environment
            .get("DATABASE_ENDPOINT")
            .matches(
                "\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-notejam-database"
                    + "\\.outputs\\.[^}]+address}:3306"));
    assertEquals("ses", environment.get("NOTEJAM_MAIL_TRANSPORT"));
    assertEquals("ap-southeast-1", environment.get("AWS_REGION"));
    assertEquals("127.0.0.1:2000", environment.get("AWS_XRAY_DAEMON_ADDRESS"));
  }

  @ParameterizedTest
  @MethodSource("services")
  void credentialsAndSessionKeyAreSecretsManagerReferences(
      String service, int port, String schema) {
    Map<String, String> secrets = pairs(container(service, service).path("secrets"), "valueFrom");
    assertEquals(3, secrets.size());
    assertTrue(secrets.get("DATABASE_USERNAME").matches(DATABASE_SECRET + ":username::"));
    assertTrue(secrets.get("DATABASE_PASSWORD").matches(DATABASE_SECRET + ":password::"));
    assertTrue(
        secrets
            .get("NOTEJAM_SESSION_SECRET")
            .matches("\\$\\{aws_secretsmanager_secret\\.[^}]+\\.arn}"));
  }

  @ParameterizedTest
  @MethodSource("services")
  void logsGoToTheServiceLogGroupWithRetention(String service, int port, String schema) {
    application.assertHasResource(
        "aws_cloudwatch_log_group",
        Map.of("name", "/ecs/notejam-prod-" + service, "retention_in_days", 30));
    JsonNode logging = container(service, service).path("logConfiguration");
    assertEquals("awslogs", logging.path("logDriver").asText());
    assertTrue(
        logging
            .path("options")
            .path("awslogs-group")
            .asText()
            .contains("aws_cloudwatch_log_group"));
    assertEquals("ap-southeast-1", logging.path("options").path("awslogs-region").asText());
  }

  @ParameterizedTest
  @MethodSource("services")
  void xrayDaemonRunsBesideTheServiceWithoutStoppingIt(String service, int port, String schema) {
    JsonNode daemon = container(service, "xray-daemon");
    assertTrue(daemon.path("image").asText().startsWith("public.ecr.aws/xray/aws-xray-daemon:3."));
    assertFalse(daemon.path("essential").asBoolean(true));
    assertEquals(2000, daemon.path("portMappings").get(0).path("containerPort").asInt());
    assertEquals("udp", daemon.path("portMappings").get(0).path("protocol").asText());
    assertEquals("awslogs", daemon.path("logConfiguration").path("logDriver").asText());
  }

  @ParameterizedTest
  @MethodSource("services")
  void serviceKeepsTheSeedsCountsAndRollsBackFailedDeployments(
      String service, int port, String schema) {
    application.assertHasResource(
        "aws_ecs_service",
        Map.ofEntries(
            Map.entry("name", "notejam-prod-" + service),
            Map.entry("launch_type", "FARGATE"),
            Map.entry("desired_count", 2),
            Map.entry("deployment_minimum_healthy_percent", 100),
            Map.entry("deployment_maximum_percent", 200),
            Map.entry("health_check_grace_period_seconds", 30),
            Map.entry("deployment_circuit_breaker", Map.of("enable", true, "rollback", true)),
            Map.entry("lifecycle", Map.of("ignore_changes", List.of("desired_count")))));
    JsonNode ecsService = application.named("aws_ecs_service", "notejam-prod-" + service);
    assertFalse(ecsService.path("network_configuration").path("assign_public_ip").asBoolean(true));
    ecsService
        .path("network_configuration")
        .path("subnets")
        .forEach(subnet -> assertTrue(subnet.asText().contains("private")));
    JsonNode target = ecsService.path("load_balancer").get(0);
    assertEquals(service, target.path("container_name").asText());
    assertEquals(port, target.path("container_port").asInt());
    // ECS attaches a service only to a group some listener or rule forwards to: wait for all.
    List<String> dependsOn = new java.util.ArrayList<>();
    ecsService.path("depends_on").forEach(d -> dependsOn.add(d.asText().replaceAll("\\..*", "")));
    assertEquals(
        List.of("aws_lb_listener", "aws_lb_listener_rule", "aws_lb_listener_rule"), dependsOn);
  }

  @ParameterizedTest
  @MethodSource("services")
  void autoscalesTwoToOneHundredTasksOnNinetyPercentCpu(String service, int port, String schema) {
    String serviceRef =
        "${aws_ecs_service." + logicalId("aws_ecs_service", "notejam-prod-" + service);
    application.assertHasResource(
        "aws_appautoscaling_target",
        Map.of(
            "min_capacity",
            2,
            "max_capacity",
            100,
            "service_namespace",
            "ecs",
            "scalable_dimension",
            "ecs:service:DesiredCount",
            "resource_id",
            "service/${aws_ecs_cluster."
                + logicalId("aws_ecs_cluster", "notejam-prod-cluster")
                + ".name}/"
                + serviceRef
                + ".name}"));
    application.assertHasResource(
        "aws_appautoscaling_policy",
        Map.of(
            "name",
            serviceRef + ".name}-cpu-90",
            "policy_type",
            "TargetTrackingScaling",
            "target_tracking_scaling_policy_configuration",
            Map.of(
                "predefined_metric_specification",
                Map.of("predefined_metric_type", "ECSServiceAverageCPUUtilization"),
                "target_value",
                90)));
  }

  @Test
  void imageTagIsAVariableDefaultingToTheConfiguredTag() {
    JsonNode variable = application.tree().path("variable").path("image_tag");
    assertEquals("string", variable.path("type").asText());
    assertEquals("3f2c1ab", variable.path("default").asText());
  }

  @Test
  void withoutAConfiguredTagPlanningTheApplicationAsksForOne() {
    Map<String, String> environment = new HashMap<>(SynthesizedStacks.ENVIRONMENT);
    environment.remove("NOTEJAM_IMAGE_TAG");
    var stacks =
        NotejamStacks.create(
            SynthesizedStacks.newApp(),
            DeploymentSettings.fromEnvironment(environment),
            SynthesizedStacks.routing());
    JsonNode variable =
        new Synthesized(Testing.synth(stacks.application(), true))
            .tree()
            .path("variable")
            .path("image_tag");
    assertTrue(variable.isObject());
    assertFalse(variable.has("default"), "no default: terraform plan requires -var image_tag=...");
  }

  @Test
  void outputsNameTheClusterAndServices() {
    JsonNode outputs = application.tree().path("output");
    assertTrue(outputs.path("ClusterName").path("value").asText().contains("aws_ecs_cluster"));
    assertTrue(
        outputs.path("ExpressSvcServiceName").path("value").asText().contains("aws_ecs_service"));
    assertTrue(
        outputs.path("FlaskSvcServiceName").path("value").asText().contains("aws_ecs_service"));
  }

  private String logicalId(String type, String name) {
    return application.resources(type).entrySet().stream()
        .filter(e -> name.equals(e.getValue().path("name").asText()))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  private JsonNode container(String service, String containerName) {
    JsonNode definition =
        application.resources("aws_ecs_task_definition").values().stream()
            .filter(d -> d.path("family").asText().equals("notejam-prod-" + service))
            .findFirst()
            .orElseThrow();
    for (JsonNode container :
        Synthesized.parse(definition.path("container_definitions").asText())) {
      if (containerName.equals(container.path("name").asText())) {
        return container;
      }
    }
    throw new AssertionError("no container " + containerName + " in " + service);
  }

  private static Map<String, String> pairs(JsonNode list, String valueKey) {
    Map<String, String> pairs = new HashMap<>();
    list.forEach(pair -> pairs.put(pair.path("name").asText(), pair.path(valueKey).asText()));
    return pairs;
  }
}
