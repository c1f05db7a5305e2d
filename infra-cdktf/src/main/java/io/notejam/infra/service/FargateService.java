package io.notejam.infra.service;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsService;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceDeploymentCircuitBreaker;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceLoadBalancer;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceNetworkConfiguration;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinition;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionRuntimePlatform;
import io.notejam.infra.Json;
import io.notejam.infra.ServiceSpec;
import io.notejam.infra.iam.PolicyStatement;
import io.notejam.infra.iam.ServiceRole;
import io.notejam.infra.network.Firewall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * One web service on ECS Fargate behind the load balancer: its log group, roles, security group,
 * task definition (the service container plus an X-Ray daemon sidecar) and the ECS service with the
 * seed's deployment settings and a circuit breaker that rolls a failed deployment back.
 *
 * <p>Configuration follows the services' environment contract. Credentials and the session key are
 * {@code secrets} references that ECS resolves when a task starts: their values are in no task
 * definition, image or Terraform state.
 */
public class FargateService extends Construct {

  static final String TASK_CPU = "256";
  static final String TASK_MEMORY_MIB = "512";
  static final int DESIRED_TASKS = 2;
  static final int HEALTH_CHECK_GRACE_SECONDS = 30;
  static final String XRAY_DAEMON_IMAGE = "public.ecr.aws/xray/aws-xray-daemon:3.3.12";
  static final int XRAY_DAEMON_PORT = 2000;
  static final int HTTPS_PORT = 443;

  private final EcsService service;
  private final String securityGroupId;

  /** What the service runs: its image and the secrets and settings it is given. */
  public record Workload(
      ServiceSpec spec,
      String imageUri,
      String imageRepositoryArn,
      String sessionSecretArn,
      String region,
      String accountId,
      int logRetentionDays) {}

  public FargateService(
      Construct scope,
      String id,
      String namePrefix,
      Workload workload,
      ServiceCluster cluster,
      TaskPlacement placement,
      DatabaseAccess database,
      LoadBalancerTarget loadBalancer) {
    super(scope, id);
    ServiceSpec spec = workload.spec();
    String name = namePrefix + "-" + spec.name();

    var logs =
        CloudwatchLogGroup.Builder.create(this, "logs")
            .name("/ecs/" + name)
            .retentionInDays(workload.logRetentionDays())
            .build();

    var executionRole =
        new ServiceRole(
                this,
                "execution-role",
                name + "-execution",
                "ecs-tasks.amazonaws.com",
                "Starts "
                    + spec.name()
                    + " tasks: pulls its image, writes its logs, reads its secrets",
                workload.accountId())
            .allow(
                "start-tasks",
                List.of(
                    PolicyStatement.allow(
                        "EcrLogin", List.of("ecr:GetAuthorizationToken"), List.of("*")),
                    PolicyStatement.allow(
                        "PullServiceImage",
                        List.of(
                            "ecr:BatchCheckLayerAvailability",
                            "ecr:GetDownloadUrlForLayer",
                            "ecr:BatchGetImage"),
                        List.of(workload.imageRepositoryArn())),
                    PolicyStatement.allow(
                        "WriteServiceLogs",
                        List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        List.of(logs.getArn() + ":*")),
                    PolicyStatement.allow(
                        "ReadServiceSecrets",
                        List.of("secretsmanager:GetSecretValue"),
                        List.of(database.credentialsSecretArn(), workload.sessionSecretArn()))));

    var taskRole =
        new ServiceRole(
                this,
                "task-role",
                name + "-task",
                "ecs-tasks.amazonaws.com",
                "What " + spec.name() + " itself may call: SES as its own sender, X-Ray",
                workload.accountId())
            .allow(
                "send-mail-and-traces",
                List.of(
                    PolicyStatement.allow(
                            "SendMailAsServiceSender",
                            List.of("ses:SendEmail", "ses:SendRawEmail"),
                            List.of(
                                "arn:aws:ses:"
                                    + workload.region()
                                    + ":"
                                    + workload.accountId()
                                    + ":identity/*"))
                        .when("StringEquals", "ses:FromAddress", spec.mailFrom()),
                    PolicyStatement.allow(
                        "PutTraces",
                        List.of(
                            "xray:PutTraceSegments",
                            "xray:PutTelemetryRecords",
                            "xray:GetSamplingRules",
                            "xray:GetSamplingTargets",
                            "xray:GetSamplingStatisticSummaries"),
                        List.of("*"))));

    var securityGroup =
        Firewall.securityGroup(
            this,
            "security-group",
            placement.vpcId(),
            name + "-tasks",
            spec.name() + " tasks: HTTP from the load balancer only");
    securityGroupId = securityGroup.getId();
    Firewall.allowTcpBetweenGroups(
        this,
        "from-load-balancer",
        securityGroupId,
        loadBalancer.loadBalancerSecurityGroupId(),
        spec.port(),
        "HTTP from the load balancer");
    Firewall.allowTcpOutToGroup(
        this,
        "load-balancer-to-tasks",
        loadBalancer.loadBalancerSecurityGroupId(),
        securityGroupId,
        spec.port(),
        "Requests and health checks to " + spec.name());
    Firewall.allowTcpOutToGroup(
        this, "to-database", securityGroupId, database.securityGroupId(), database.port(), "MySQL");
    Firewall.allowTcpBetweenGroups(
        this,
        "database-from-tasks",
        database.securityGroupId(),
        securityGroupId,
        database.port(),
        "MySQL from " + spec.name());
    Firewall.allowTcpOutToAnywhere(
        this,
        "to-aws-apis",
        securityGroupId,
        HTTPS_PORT,
        "AWS APIs over HTTPS through NAT: ECR, Secrets Manager, CloudWatch Logs, SES, X-Ray");

    var taskDefinition =
        EcsTaskDefinition.Builder.create(this, "task-definition")
            .family(name)
            .requiresCompatibilities(List.of("FARGATE"))
            .networkMode("awsvpc")
            .cpu(TASK_CPU)
            .memory(TASK_MEMORY_MIB)
            .runtimePlatform(
                EcsTaskDefinitionRuntimePlatform.builder()
                    .operatingSystemFamily("LINUX")
                    .cpuArchitecture("X86_64")
                    .build())
            .executionRoleArn(executionRole.arn())
            .taskRoleArn(taskRole.arn())
            .containerDefinitions(
                Json.write(
                    List.of(
                        serviceContainer(workload, database, logs.getName()),
                        xrayDaemonContainer(workload.region(), logs.getName()))))
            .build();

    service =
        EcsService.Builder.create(this, "service")
            .name(name)
            .cluster(cluster.arn())
            .taskDefinition(taskDefinition.getArn())
            .launchType("FARGATE")
            .desiredCount(DESIRED_TASKS)
            .deploymentMinimumHealthyPercent(100)
            .deploymentMaximumPercent(200)
            .deploymentCircuitBreaker(
                EcsServiceDeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
            .healthCheckGracePeriodSeconds(HEALTH_CHECK_GRACE_SECONDS)
            .networkConfiguration(
                EcsServiceNetworkConfiguration.builder()
                    .subnets(placement.subnetIds())
                    .securityGroups(List.of(securityGroupId))
                    .assignPublicIp(false)
                    .build())
            .loadBalancer(
                List.of(
                    EcsServiceLoadBalancer.builder()
                        .targetGroupArn(loadBalancer.targetGroupArn())
                        .containerName(spec.name())
                        .containerPort(spec.port())
                        .build()))
            .enableEcsManagedTags(true)
            .propagateTags("SERVICE")
            // Autoscaling owns the task count once the service exists.
            .lifecycle(
                TerraformResourceLifecycle.builder()
                    .ignoreChanges(List.of("desired_count"))
                    .build())
            .dependsOn(loadBalancer.routingResources())
            .build();
  }

  public String serviceName() {
    return service.getName();
  }

  public String securityGroupId() {
    return securityGroupId;
  }

  private static Map<String, Object> serviceContainer(
      Workload workload, DatabaseAccess database, String logGroup) {
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
