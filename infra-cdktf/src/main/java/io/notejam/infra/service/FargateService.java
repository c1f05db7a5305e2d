package io.notejam.infra.service;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsService;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceDeploymentCircuitBreaker;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceLoadBalancer;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceNetworkConfiguration;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinition;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionRuntimePlatform;
import io.notejam.infra.ServiceSpec;
import io.notejam.infra.network.Firewall;
import java.util.List;
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
  static final int HTTPS_PORT = 443;

  private final EcsService service;

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

    var roles =
        new TaskRoles(
            this, "roles", name, workload, logs.getArn(), database.credentialsSecretArn());

    var securityGroup =
        Firewall.securityGroup(
            this,
            "security-group",
            placement.vpcId(),
            name + "-tasks",
            spec.name() + " tasks: HTTP from the load balancer only");
    String securityGroupId = securityGroup.getId();
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
            .executionRoleArn(roles.executionRoleArn())
            .taskRoleArn(roles.taskRoleArn())
            .containerDefinitions(ContainerDefinitions.of(workload, database, logs.getName()))
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
}
