package io.notejam.rollout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

/**
 * Waits for the deployment of one task definition revision to finish, printing a line whenever its
 * counts change and every new service event. Ends with success when ECS reports the deployment's
 * rollout COMPLETED; with {@link ExitCode#DEPLOYMENT_FAILED} when it is FAILED or when the service
 * has moved to another revision (the circuit breaker rolled back, or someone deployed over it);
 * with {@link ExitCode#TIMED_OUT} at the deadline.
 */
final class DeploymentWatch {
  private static final int EVENTS_SHOWN_ON_FAILURE = 10;

  /** Unchanged progress is repeated this often, so a quiet wait still shows it is alive. */
  private static final Duration HEARTBEAT = Duration.ofMinutes(1);

  private final ServiceLookup lookup;
  private final Pacing pacing;
  private final ProgressLog log;
  private final Set<String> seenEvents = new HashSet<>();
  private String lastProgress = "";
  private Duration lastProgressAt = Duration.ZERO;

  DeploymentWatch(ServiceLookup lookup, Pacing pacing, ProgressLog log) {
    this.lookup = lookup;
    this.pacing = pacing;
    this.log = log;
  }

  /** Events already on the service before the rollout are history, not progress. */
  void ignoreEventsOf(Service service) {
    service.events().forEach(event -> seenEvents.add(event.id()));
  }

  void awaitCompletion(String taskDefinitionArn) {
    long started = System.nanoTime();
    long deadline = started + pacing.timeout().toNanos();
    while (true) {
      Optional<Service> polled = poll();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      if (polled.isEmpty()) {
        pauseOrTimeOut(deadline, taskDefinitionArn, null);
        continue;
      }
      Service service = polled.get();
      printNewEvents(service);
      Optional<Deployment> ours =
          service.deployments().stream()
              .filter(d -> taskDefinitionArn.equals(d.taskDefinition()))
              .findFirst();
      if (ours.isPresent()) {
        Deployment deployment = ours.get();
        printProgress(progressOf(deployment), elapsed);
        if (isComplete(deployment, service)) {
          log.say("deployment " + deployment.id() + " completed in " + Elapsed.format(elapsed));
          return;
        }
        if (deployment.rolloutState() == DeploymentRolloutState.FAILED) {
          throw failed(service, failureSummary(deployment, service));
        }
      } else if (taskDefinitionArn.equals(service.taskDefinition())) {
        printProgress(
            "waiting for ECS to start deploying " + shortName(taskDefinitionArn), elapsed);
      } else {
        throw failed(
            service,
            "the service now runs "
                + shortName(service.taskDefinition())
                + ", not "
                + shortName(taskDefinitionArn)
                + ": the deployment was rolled back or replaced");
      }
      pauseOrTimeOut(deadline, taskDefinitionArn, service);
    }
  }

  /**
   * One look at the service. A network failure that outlasts the SDK's own retries does not end a
   * long wait: it is reported and the next poll tries again, until the deadline.
   */
  private Optional<Service> poll() {
    try {
      return Optional.of(lookup.describe());
    } catch (SdkClientException e) {
      log.say("could not reach ECS (" + e.getMessage() + "); trying again");
      return Optional.empty();
    }
  }

  private void pauseOrTimeOut(long deadline, String taskDefinitionArn, Service lastSeen) {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new RolloutException(
          ExitCode.TIMED_OUT,
          "["
              + lookup.service()
              + "] timed out after "
              + Elapsed.format(pacing.timeout())
              + " waiting for "
              + shortName(taskDefinitionArn)
              + "; ECS goes on deploying it, and running the same command again resumes waiting"
              + (lastSeen == null ? "" : recentEvents(lastSeen)));
    }
    pause(Math.min(remaining, pacing.pollInterval().toNanos()));
  }

  /**
   * Done when ECS says so; services whose deployments carry no rollout state (older API behaviour)
   * are done when the only deployment left is ours with every task running.
   */
  private static boolean isComplete(Deployment deployment, Service service) {
    if (deployment.rolloutState() != null) {
      return deployment.rolloutState() == DeploymentRolloutState.COMPLETED;
    }
    return "PRIMARY".equals(deployment.status())
        && service.deployments().size() == 1
        && deployment.runningCount() != null
        && deployment.runningCount().equals(deployment.desiredCount());
  }

  private String failureSummary(Deployment deployment, Service service) {
    String reason =
        deployment.rolloutStateReason() == null ? "" : ": " + deployment.rolloutStateReason();
    Optional<Deployment> rollback =
        service.deployments().stream()
            .filter(d -> "PRIMARY".equals(d.status()) && !d.id().equals(deployment.id()))
            .findFirst();
    return "deployment "
        + deployment.id()
        + " FAILED"
        + reason
        + rollback.map(d -> "; rolling back to " + shortName(d.taskDefinition())).orElse("");
  }

  private RolloutException failed(Service service, String summary) {
    return new RolloutException(
        ExitCode.DEPLOYMENT_FAILED,
        "[" + lookup.service() + "] " + summary + recentEvents(service));
  }

  private static String recentEvents(Service service) {
    List<ServiceEvent> events =
        oldestFirst(service.events().stream().limit(EVENTS_SHOWN_ON_FAILURE).toList());
    if (events.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("\nrecent service events:");
    events.forEach(event -> text.append("\n  ").append(describe(event)));
    return text.toString();
  }

  private void printNewEvents(Service service) {
    oldestFirst(service.events().stream().filter(event -> seenEvents.add(event.id())).toList())
        .forEach(event -> log.say("event " + describe(event)));
  }

  private static String progressOf(Deployment deployment) {
    return String.format(
        "%s %s: %d/%d running, %d pending, %d failed tasks",
        deployment.id(),
        deployment.rolloutState() == null ? deployment.status() : deployment.rolloutStateAsString(),
        orZero(deployment.runningCount()),
        orZero(deployment.desiredCount()),
        orZero(deployment.pendingCount()),
        orZero(deployment.failedTasks()));
  }

  /** Prints the progress when it changed, or as a heartbeat when it has not for a while. */
  private void printProgress(String progress, Duration elapsed) {
    if (!progress.equals(lastProgress) || elapsed.minus(lastProgressAt).compareTo(HEARTBEAT) >= 0) {
      lastProgress = progress;
      lastProgressAt = elapsed;
      log.say("+" + Elapsed.format(elapsed) + " " + progress);
    }
  }

  /** ECS lists events newest first. */
  private static List<ServiceEvent> oldestFirst(List<ServiceEvent> newestFirst) {
    List<ServiceEvent> events = new ArrayList<>(newestFirst);
    Collections.reverse(events);
    return events;
  }

  private static String describe(ServiceEvent event) {
    return (event.createdAt() == null ? "" : event.createdAt() + " ") + event.message();
  }

  static String shortName(String taskDefinitionArn) {
    if (taskDefinitionArn == null) {
      return "no task definition";
    }
    int slash = taskDefinitionArn.lastIndexOf('/');
    return slash < 0 ? taskDefinitionArn : taskDefinitionArn.substring(slash + 1);
  }

  private static int orZero(Integer count) {
    return count == null ? 0 : count;
  }

  private static void pause(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RolloutException(ExitCode.TIMED_OUT, "interrupted while waiting");
    }
  }
}
