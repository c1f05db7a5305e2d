package io.notejam.rollout;

import static io.notejam.rollout.ScriptedEcs.NEW_ARN;
import static io.notejam.rollout.ScriptedEcs.NEW_IMAGE;
import static io.notejam.rollout.ScriptedEcs.OLD_ARN;
import static io.notejam.rollout.ScriptedEcs.OLD_IMAGE;
import static io.notejam.rollout.ScriptedEcs.connectionReset;
import static io.notejam.rollout.ScriptedEcs.deployment;
import static io.notejam.rollout.ScriptedEcs.describing;
import static io.notejam.rollout.ScriptedEcs.event;
import static io.notejam.rollout.ScriptedEcs.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Waiting, rollback detection and timeout, against the deployment states real ECS reports. */
class DeploymentWaitTest {
  private static final String STEADY_BEFORE =
      "(service notejam-express) has reached a steady state.";
  private static final String STARTED = "(service notejam-express) has started 2 tasks.";
  private static ScriptedEcs ecs;

  @BeforeAll
  static void start() {
    ecs = new ScriptedEcs();
  }

  @AfterAll
  static void stop() {
    ecs.close();
  }

  @BeforeEach
  void reset() {
    ecs.reset();
    ecs.serviceOnRevisionOneAcceptingRevisionTwo();
  }

  @Test
  void followsTheDeploymentUntilEcsReportsItCompleted() throws Exception {
    ecs.describeServicesInTurn(
        service(
            OLD_ARN,
            List.of(deployment("ecs-svc/1", "PRIMARY", OLD_ARN, "COMPLETED", 2, 0)),
            List.of(event(1, STEADY_BEFORE))),
        service(
            NEW_ARN,
            List.of(
                deployment("ecs-svc/2", "PRIMARY", NEW_ARN, "IN_PROGRESS", 0, 0),
                deployment("ecs-svc/1", "ACTIVE", OLD_ARN, "COMPLETED", 2, 0)),
            List.of(event(2, STARTED), event(1, STEADY_BEFORE))),
        service(
            NEW_ARN,
            List.of(
                deployment("ecs-svc/2", "PRIMARY", NEW_ARN, "IN_PROGRESS", 2, 0),
                deployment("ecs-svc/1", "ACTIVE", OLD_ARN, "COMPLETED", 2, 0)),
            List.of(event(2, STARTED), event(1, STEADY_BEFORE))),
        service(
            NEW_ARN,
            List.of(
                deployment("ecs-svc/2", "PRIMARY", NEW_ARN, "IN_PROGRESS", 2, 0),
                deployment("ecs-svc/1", "ACTIVE", OLD_ARN, "COMPLETED", 2, 0)),
            List.of(event(2, STARTED), event(1, STEADY_BEFORE))),
        service(
            NEW_ARN,
            List.of(deployment("ecs-svc/2", "PRIMARY", NEW_ARN, "COMPLETED", 2, 0)),
            List.of(
                event(3, "(service notejam-express) deployment ecs-svc/2 deployment completed."),
                event(2, STARTED),
                event(1, STEADY_BEFORE))));

    RolloutCli.Result result = roll("--poll-interval=20ms", "--timeout=10s");

    assertEquals(ExitCode.DONE, result.exitCode(), result::toString);
    String out = result.out();
    assertTrue(out.contains("[notejam-express] express: " + OLD_IMAGE + " -> " + NEW_IMAGE), out);
    assertTrue(out.contains("registered notejam-express:2"), out);
    assertTrue(out.contains("ecs-svc/2 IN_PROGRESS: 0/2 running, 2 pending, 0 failed tasks"), out);
    assertTrue(out.contains("ecs-svc/2 IN_PROGRESS: 2/2 running, 0 pending, 0 failed tasks"), out);
    assertTrue(out.contains("event 2025-11-29T00:00:20Z " + STARTED), out);
    assertTrue(out.contains("deployment ecs-svc/2 completed in"), out);
    assertFalse(out.contains(STEADY_BEFORE), "events from before the rollout are not progress");
    assertEquals(1, countOf(out, "IN_PROGRESS: 2/2 running"), "a line per change, not per poll");

    JsonNode registered =
        new ObjectMapper()
            .readTree(ecs.requests("RegisterTaskDefinition").get(0).getBodyAsString());
    assertEquals(NEW_IMAGE, registered.at("/containerDefinitions/0/image").asText());
    assertEquals(
        "public.ecr.aws/xray/aws-xray-daemon:3.3.14",
        registered.at("/containerDefinitions/1/image").asText());
    assertEquals("notejam-express", registered.at("/family").asText());
    assertEquals("256", registered.at("/cpu").asText());
    assertEquals("notejam", registered.at("/tags/0/value").asText());
    JsonNode update =
        new ObjectMapper().readTree(ecs.requests("UpdateService").get(0).getBodyAsString());
    assertEquals(NEW_ARN, update.at("/taskDefinition").asText());
    assertFalse(update.has("forceNewDeployment"), "a new revision deploys by itself");
  }

  @Test
  void reportsACircuitBreakerRollbackWithTheServiceEvents() {
    String failedToStart =
        "(service notejam-express) deployment ecs-svc/2 deployment failed: tasks failed to start.";
    ecs.describeServicesInTurn(
        service(
            OLD_ARN,
            List.of(deployment("ecs-svc/1", "PRIMARY", OLD_ARN, "COMPLETED", 2, 0)),
            List.of()),
        service(
            NEW_ARN,
            List.of(
                deployment("ecs-svc/2", "PRIMARY", NEW_ARN, "IN_PROGRESS", 0, 2),
                deployment("ecs-svc/1", "ACTIVE", OLD_ARN, "COMPLETED", 2, 0)),
            List.of(event(2, "(service notejam-express) has started 2 tasks."))),
        service(
            OLD_ARN,
            List.of(
                deployment("ecs-svc/3", "PRIMARY", OLD_ARN, "IN_PROGRESS", 2, 0),
                deployment(
                    "ecs-svc/2",
                    "ACTIVE",
                    NEW_ARN,
                    "FAILED",
                    0,
                    3,
                    "ECS deployment circuit breaker: tasks failed to start.")),
            List.of(
                event(3, failedToStart),
                event(2, "(service notejam-express) has started 2 tasks."))));

    RolloutCli.Result result = roll("--poll-interval=20ms", "--timeout=10s");

    assertEquals(ExitCode.DEPLOYMENT_FAILED, result.exitCode(), result::toString);
    assertTrue(
        result
            .err()
            .startsWith(
                "rollout: [notejam-express] deployment ecs-svc/2 FAILED: ECS deployment circuit"
                    + " breaker: tasks failed to start.; rolling back to notejam-express:1\n"
                    + "recent service events:\n"),
        result::toString);
    assertTrue(result.err().contains(failedToStart), result::toString);
    assertTrue(
        result.out().contains("ecs-svc/2 IN_PROGRESS: 0/2 running, 2 pending, 2 failed tasks"));
  }

  @Test
  void noticesARollbackThatFinishedBetweenTwoPolls() {
    ecs.describeServicesInTurn(
        service(
            OLD_ARN,
            List.of(deployment("ecs-svc/1", "PRIMARY", OLD_ARN, "COMPLETED", 2, 0)),
            List.of()),
        service(
            OLD_ARN,
            List.of(deployment("ecs-svc/3", "PRIMARY", OLD_ARN, "COMPLETED", 2, 0)),
            List.of(event(5, "(service notejam-express) rolling back to deployment ecs-svc/3."))));

    RolloutCli.Result result = roll("--poll-interval=20ms", "--timeout=10s");

    assertEquals(ExitCode.DEPLOYMENT_FAILED, result.exitCode(), result::toString);
    assertTrue(
        result.err().contains("the service now runs notejam-express:1, not notejam-express:2"),
        result::toString);
    assertTrue(result.err().contains("rolling back to deployment ecs-svc/3"), result::toString);
  }

  @Test
  void givesUpAtTheTimeoutAndSaysHowToResume() {
    ecs.describeServicesInTurn(
        service(
            OLD_ARN,
            List.of(deployment("ecs-svc/1", "PRIMARY", OLD_ARN, "COMPLETED", 2, 0)),
            List.of()),
        service(
            NEW_ARN,
            List.of(
                deployment("ecs-svc/2", "PRIMARY", NEW_ARN, "IN_PROGRESS", 1, 0),
                deployment("ecs-svc/1", "ACTIVE", OLD_ARN, "COMPLETED", 2, 0)),
            List.of(event(2, "(service notejam-express) is unable to consistently start tasks."))));

    long started = System.nanoTime();
    RolloutCli.Result result = roll("--poll-interval=50ms", "--timeout=400ms");
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertEquals(ExitCode.TIMED_OUT, result.exitCode(), result::toString);
    assertTrue(
        result
            .err()
            .startsWith(
                "rollout: [notejam-express] timed out after 0s waiting for notejam-express:2"),
        result::toString);
    assertTrue(result.err().contains("unable to consistently start tasks"), result::toString);
    assertTrue(
        took.compareTo(Duration.ofSeconds(20)) < 0,
        "stopped at the deadline, not minutes later: " + took);
    assertTrue(ecs.requests("DescribeServices").size() >= 3, "kept polling until the deadline");
  }

  @Test
  void keepsWaitingThroughANetworkFailure() {
    String inProgress =
        service(
            NEW_ARN,
            List.of(
                deployment("ecs-svc/2", "PRIMARY", NEW_ARN, "IN_PROGRESS", 1, 0),
                deployment("ecs-svc/1", "ACTIVE", OLD_ARN, "COMPLETED", 2, 0)),
            List.of());
    List<ResponseDefinitionBuilder> responses = new ArrayList<>();
    responses.add(
        describing(
            service(
                OLD_ARN,
                List.of(deployment("ecs-svc/1", "PRIMARY", OLD_ARN, "COMPLETED", 2, 0)),
                List.of())));
    responses.add(describing(inProgress));
    // More resets in a row than the SDK retries one call, so one poll fails outright.
    for (int i = 0; i < 5; i++) {
      responses.add(connectionReset());
    }
    responses.add(
        describing(
            service(
                NEW_ARN,
                List.of(deployment("ecs-svc/2", "PRIMARY", NEW_ARN, "COMPLETED", 2, 0)),
                List.of())));
    ecs.describeServicesInTurn(responses);

    RolloutCli.Result result = roll("--poll-interval=20ms", "--timeout=30s");

    assertEquals(ExitCode.DONE, result.exitCode(), result::toString);
    assertTrue(result.out().contains("could not reach ECS ("), result::toString);
    assertTrue(result.out().contains("; trying again"), result::toString);
    assertTrue(result.out().contains("deployment ecs-svc/2 completed"), result::toString);
  }

  @Test
  void aReRunWhileTheSameDeploymentIsGoingWaitsForItInsteadOfRegisteringAgain() {
    ecs.answer("DescribeTaskDefinition", ScriptedEcs.taskDefinition(2, NEW_IMAGE));
    ecs.describeServicesInTurn(
        service(
            NEW_ARN,
            List.of(
                deployment("ecs-svc/2", "PRIMARY", NEW_ARN, "IN_PROGRESS", 1, 0),
                deployment("ecs-svc/1", "ACTIVE", OLD_ARN, "COMPLETED", 2, 0)),
            List.of()),
        service(
            NEW_ARN,
            List.of(deployment("ecs-svc/2", "PRIMARY", NEW_ARN, "COMPLETED", 2, 0)),
            List.of()));

    RolloutCli.Result result = roll("--poll-interval=20ms", "--timeout=10s");

    assertEquals(ExitCode.DONE, result.exitCode(), result::toString);
    assertTrue(result.out().contains("already deploying notejam-express:2"), result::toString);
    assertTrue(result.out().contains("deployment ecs-svc/2 completed"), result::toString);
    assertEquals(List.of(), ecs.requests("RegisterTaskDefinition"));
    assertEquals(List.of(), ecs.requests("UpdateService"));
  }

  @Test
  void reportsAccessDeniedAsAnAwsError() {
    ecs.fail(
        "DescribeServices",
        400,
        "AccessDeniedException",
        "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecs:DescribeServices");

    RolloutCli.Result result = roll();

    assertEquals(ExitCode.AWS_ERROR, result.exitCode(), result::toString);
    assertEquals(
        "rollout: ECS refused AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is"
            + " not authorized to perform: ecs:DescribeServices\n",
        result.err());
  }

  private static RolloutCli.Result roll(String... options) {
    return RolloutCli.run(
        RolloutCli.against(
            ecs.endpoint(),
            ScriptedEcs.CLUSTER,
            ScriptedEcs.SERVICE,
            concat(List.of("--image", "express=" + NEW_IMAGE), options)));
  }

  private static String[] concat(List<String> first, String... rest) {
    return java.util.stream.Stream.concat(first.stream(), java.util.Arrays.stream(rest))
        .toArray(String[]::new);
  }

  private static int countOf(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }
}
