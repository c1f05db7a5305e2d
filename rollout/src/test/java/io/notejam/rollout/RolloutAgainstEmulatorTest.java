package io.notejam.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notejam.testsupport.TestAws;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/**
 * The ECS API calls against the emulator (moto here, as in CI): a service with a two-container task
 * definition like production's, moved to a new image. moto registers task definitions and updates
 * services but never runs tasks, so the waiting is tested in {@link DeploymentWaitTest}.
 */
class RolloutAgainstEmulatorTest {
  private static final String OLD_IMAGE =
      "123456789012.dkr.ecr.us-east-1.amazonaws.com/notejam-express:1111111";
  private static final String NEW_IMAGE =
      "123456789012.dkr.ecr.us-east-1.amazonaws.com/notejam-express:2222222";
  private static final String XRAY_IMAGE = "public.ecr.aws/xray/aws-xray-daemon:3.3.14";

  private static String endpoint;
  private static EcsClient ecs;
  private String cluster;
  private String family;

  @AfterAll
  static void close() {
    if (ecs != null) {
      ecs.close();
    }
  }

  /** A fresh cluster per test, so tests (and other modules sharing the emulator) never meet. */
  /** Each test skips, with the reason, where no emulator with ECS can be had. */
  @BeforeEach
  void createService() {
    connect();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    cluster = "rollout-test-" + suffix;
    family = "notejam-express-" + suffix;
    ecs.createCluster(request -> request.clusterName(cluster));
    String taskDefinition =
        ecs.registerTaskDefinition(
                request ->
                    request
                        .family(family)
                        .networkMode(NetworkMode.AWSVPC)
                        .requiresCompatibilities(Compatibility.FARGATE)
                        .cpu("256")
                        .memory("512")
                        .executionRoleArn("arn:aws:iam::123456789012:role/notejam-execution")
                        .taskRoleArn("arn:aws:iam::123456789012:role/notejam-task")
                        .containerDefinitions(expressContainer(), xrayContainer())
                        .tags(Tag.builder().key("project").value("notejam").build()))
            .taskDefinition()
            .taskDefinitionArn();
    ecs.createService(
        request ->
            request
                .cluster(cluster)
                .serviceName("express")
                .taskDefinition(taskDefinition)
                .desiredCount(2)
                .launchType(LaunchType.FARGATE));
  }

  @Test
  void registersARevisionWithOnlyTheImageChangedAndPointsTheServiceAtIt() {
    RolloutCli.Result result =
        RolloutCli.run(
            RolloutCli.against(
                endpoint, cluster, "express", "--image", "express=" + NEW_IMAGE, "--no-wait"));

    assertEquals(ExitCode.DONE, result.exitCode(), result::toString);
    assertTrue(
        result.out().contains("express: " + OLD_IMAGE + " -> " + NEW_IMAGE), result::toString);
    assertTrue(result.out().contains("registered " + family + ":2"), result::toString);

    String serviceTaskDefinition =
        ecs.describeServices(request -> request.cluster(cluster).services("express"))
            .services()
            .get(0)
            .taskDefinition();
    DescribeTaskDefinitionResponse before = describe(family + ":1");
    DescribeTaskDefinitionResponse after = describe(serviceTaskDefinition);
    assertEquals(2, after.taskDefinition().revision());

    List<ContainerDefinition> expected =
        before.taskDefinition().containerDefinitions().stream()
            .map(c -> "express".equals(c.name()) ? c.toBuilder().image(NEW_IMAGE).build() : c)
            .toList();
    assertEquals(
        withoutIdentity(before.taskDefinition()).toBuilder().containerDefinitions(expected).build(),
        withoutIdentity(after.taskDefinition()),
        "everything but the image is carried over");
    assertEquals(before.tags(), after.tags());
  }

  @Test
  void aSecondRunWithTheSameImageChangesNothing() {
    String[] args =
        RolloutCli.against(
            endpoint, cluster, "express", "--image", "express=" + NEW_IMAGE, "--no-wait");
    assertEquals(ExitCode.DONE, RolloutCli.run(args).exitCode());

    RolloutCli.Result again = RolloutCli.run(args);

    assertEquals(ExitCode.DONE, again.exitCode(), again::toString);
    assertTrue(again.out().contains("already runs " + family + ":2"), again::toString);
    assertEquals(
        2,
        ecs.listTaskDefinitions(request -> request.familyPrefix(family))
            .taskDefinitionArns()
            .size(),
        "no third revision");
  }

  @Test
  void timesOutWhileTheEmulatorNeverStartsTheTasks() {
    RolloutCli.Result result =
        RolloutCli.run(
            RolloutCli.against(
                endpoint,
                cluster,
                "express",
                "--image",
                "express=" + NEW_IMAGE,
                "--timeout=600ms",
                "--poll-interval=200ms"));

    assertEquals(ExitCode.TIMED_OUT, result.exitCode(), result::toString);
    assertTrue(
        result.out().contains("+0s waiting for ECS to start deploying " + family + ":2"),
        result::toString);
    assertTrue(result.err().contains("timed out after"), result::toString);
    assertTrue(result.err().contains("running the same command again resumes"), result::toString);
  }

  @Test
  void namesTheContainersWhenAskedForOneTheTaskDoesNotHave() {
    RolloutCli.Result result =
        RolloutCli.run(
            RolloutCli.against(endpoint, cluster, "express", "--image", "flask=" + NEW_IMAGE));

    assertEquals(ExitCode.USAGE, result.exitCode(), result::toString);
    assertTrue(
        result
            .err()
            .contains("has no container named flask (its containers: express, xray-daemon)"),
        result::toString);
  }

  @Test
  void saysWhenTheClusterDoesNotExist() {
    RolloutCli.Result result =
        RolloutCli.run(
            RolloutCli.against(
                endpoint, cluster + "-missing", "express", "--image", "express=" + NEW_IMAGE));

    assertEquals(ExitCode.NOT_FOUND, result.exitCode(), result::toString);
    assertEquals("rollout: cluster '" + cluster + "-missing' not found\n", result.err());
  }

  @Test
  void saysWhenTheServiceDoesNotExist() {
    RolloutCli.Result result =
        RolloutCli.run(
            RolloutCli.against(endpoint, cluster, "flask", "--image", "flask=" + NEW_IMAGE));

    assertEquals(ExitCode.NOT_FOUND, result.exitCode(), result::toString);
    assertEquals("rollout: service 'flask' not found in cluster '" + cluster + "'\n", result.err());
  }

  private static void connect() {
    endpoint = TestAws.endpoint().toString();
    Assumptions.assumeTrue(
        "moto".equals(TestAws.flavour()),
        "ECS needs moto: LocalStack's free edition has no ECS (CI runs this module against moto)");
    if (ecs == null) {
      ecs =
          EcsClient.builder()
              .httpClient(UrlConnectionHttpClient.create())
              .endpointOverride(TestAws.endpoint())
              .region(Region.of(TestAws.REGION))
              .credentialsProvider(RolloutCli.TEST_CREDENTIALS)
              .build();
    }
  }

  private DescribeTaskDefinitionResponse describe(String taskDefinition) {
    return ecs.describeTaskDefinition(
        request -> request.taskDefinition(taskDefinition).include(TaskDefinitionField.TAGS));
  }

  /** The fields that name a revision rather than describe it. */
  private static TaskDefinition withoutIdentity(TaskDefinition definition) {
    return definition.toBuilder()
        .taskDefinitionArn(null)
        .revision(null)
        .registeredAt(null)
        .registeredBy(null)
        .build();
  }

  private static ContainerDefinition expressContainer() {
    return ContainerDefinition.builder()
        .name("express")
        .image(OLD_IMAGE)
        .essential(true)
        .portMappings(PortMapping.builder().containerPort(3000).build())
        .environment(KeyValuePair.builder().name("ENVIRONMENT").value("production").build())
        .secrets(
            Secret.builder()
                .name("DATABASE_PASSWORD")
                .valueFrom("arn:aws:secretsmanager:us-east-1:123456789012:secret:notejam-db")
                .build())
        .logConfiguration(
            log ->
                log.logDriver(LogDriver.AWSLOGS)
                    .options(
                        java.util.Map.of(
                            "awslogs-group", "/notejam/express",
                            "awslogs-region", "us-east-1",
                            "awslogs-stream-prefix", "express")))
        .build();
  }

  private static ContainerDefinition xrayContainer() {
    return ContainerDefinition.builder()
        .name("xray-daemon")
        .image(XRAY_IMAGE)
        .essential(false)
        .portMappings(PortMapping.builder().containerPort(2000).protocol("udp").build())
        .build();
  }
}
