package io.notejam.rollout;

import static io.notejam.rollout.EmulatedService.NEW_IMAGE;
import static io.notejam.rollout.EmulatedService.OLD_IMAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/**
 * The ECS API calls against the emulator (moto here, as in CI): a service with a two-container task
 * definition like production's, moved to a new image. moto registers task definitions and updates
 * services but never runs tasks, so the waiting is tested in {@link DeploymentWaitTest}.
 */
class RolloutAgainstEmulatorTest {
  private EmulatedService emulated;
  private EcsClient ecs;
  private String endpoint;
  private String cluster;
  private String family;

  @BeforeEach
  void createService() {
    emulated = EmulatedService.create();
    ecs = emulated.ecs();
    endpoint = emulated.endpoint();
    cluster = emulated.cluster();
    family = emulated.family();
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

    String serviceTaskDefinition = emulated.currentTaskDefinition();
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
        result.out().contains("s waiting for ECS to start deploying " + family + ":2"),
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
}
