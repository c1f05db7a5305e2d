package io.notejam.infra.service;

import io.notejam.infra.ServiceSpec;
import io.notejam.infra.iam.PolicyStatement;
import io.notejam.infra.iam.ServiceRole;
import java.util.List;
import software.constructs.Construct;

/**
 * The two roles of a service's tasks. The execution role is what ECS uses to start a task: pull the
 * service's image, write to its log group, read exactly its secrets. The task role is what the
 * service itself may call: SES, only as its own sender address, and X-Ray.
 */
class TaskRoles extends Construct {

  private final ServiceRole executionRole;
  private final ServiceRole taskRole;

  TaskRoles(
      Construct scope,
      String id,
      String name,
      FargateService.Workload workload,
      String logGroupArn,
      String databaseSecretArn) {
    super(scope, id);
    ServiceSpec spec = workload.spec();
    executionRole =
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
                        List.of(logGroupArn + ":*")),
                    PolicyStatement.allow(
                        "ReadServiceSecrets",
                        List.of("secretsmanager:GetSecretValue"),
                        List.of(databaseSecretArn, workload.sessionSecretArn()))));

    taskRole =
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
  }

  String executionRoleArn() {
    return executionRole.arn();
  }

  String taskRoleArn() {
    return taskRole.arn();
  }
}
