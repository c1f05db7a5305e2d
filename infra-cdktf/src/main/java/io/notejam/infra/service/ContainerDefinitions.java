package io.notejam.infra.service;

import io.notejam.infra.Json;
import io.notejam.infra.ServiceSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The containers of a service's task: the service itself, configured by the services' environment
 * contract with its credentials and session key as {@code secrets} references (ECS resolves them
 * when a task starts; no value is in the task definition), and an X-Ray daemon beside it.
 */
final class ContainerDefinitions {

  static final String XRAY_DAEMON_IMAGE = "public.ecr.aws/xray/aws-xray-daemon:3.3.12";
  static final int XRAY_DAEMON_PORT = 2000;

  private ContainerDefinitions() {}

  /** The {@code container_definitions} JSON of the service's task definition. */
  static String of(FargateService.Workload workload, DatabaseAccess database, String logGroup) {
    return Json.write(
        List.of(
            serviceContainer(workload, database, logGroup),
            xrayDaemonContainer(workload.region(), logGroup)));
  }

  private static Map<String, Object> serviceContainer(
      FargateService.Workload workload, DatabaseAccess database, String logGroup) {
    ServiceSpec spec = workload.spec();
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("PORT", Integer.toString(spec.port()));
    environment.put("ENVIRONMENT", "production");
    environment.put("DATABASE_ENDPOINT", database.address() + ":" + database.port());
    environment.put("DATABASE_SCHEMA", spec.schema());
    environment.put("NOTEJAM_MAIL_TRANSPORT", "ses");
    environment.put("AWS_REGION", workload.region());
    environment.put("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:" + XRAY_DAEMON_PORT);
    Map<String, String> secrets = new LinkedHashMap<>();
    // RDS keeps the master credentials as JSON; ECS extracts one key per variable.
    secrets.put("DATABASE_USERNAME", database.credentialsSecretArn() + ":username::");
    secrets.put("DATABASE_PASSWORD", database.credentialsSecretArn() + ":password::");
    secrets.put("NOTEJAM_SESSION_SECRET", workload.sessionSecretArn());

    Map<String, Object> container = new LinkedHashMap<>();
    container.put("name", spec.name());
    container.put("image", workload.imageUri());
    container.put("essential", true);
    container.put("portMappings", List.of(Map.of("containerPort", spec.port(), "protocol", "tcp")));
    container.put("environment", nameValuePairs(environment, "value"));
    container.put("secrets", nameValuePairs(secrets, "valueFrom"));
    container.put("logConfiguration", awslogs(workload.region(), logGroup, "ecs"));
    return container;
  }

  private static Map<String, Object> xrayDaemonContainer(String region, String logGroup) {
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("name", "xray-daemon");
    container.put("image", XRAY_DAEMON_IMAGE);
    // Tracing is best effort: a failing daemon must not stop the service's task.
    container.put("essential", false);
    container.put("cpu", 16);
    container.put("memoryReservation", 32);
    container.put(
        "portMappings", List.of(Map.of("containerPort", XRAY_DAEMON_PORT, "protocol", "udp")));
    container.put("logConfiguration", awslogs(region, logGroup, "xray"));
    return container;
  }

  private static Map<String, Object> awslogs(String region, String logGroup, String streamPrefix) {
    return Map.of(
        "logDriver",
        "awslogs",
        "options",
        Map.of(
            "awslogs-group", logGroup,
            "awslogs-region", region,
            "awslogs-stream-prefix", streamPrefix));
  }

  private static List<Map<String, String>> nameValuePairs(
      Map<String, String> values, String valueKey) {
    return values.entrySet().stream()
        .map(entry -> Map.of("name", entry.getKey(), valueKey, entry.getValue()))
        .toList();
  }
}
