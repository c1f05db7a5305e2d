package io.notejam.rollout;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/**
 * Moves one ECS service to new container images: registers the next revision of its task definition
 * with only those images changed, points the service at it, and waits for the deployment to finish.
 * A service that already runs the images is left alone (or, if that deployment is still going,
 * waited for), so the command is safe to run again.
 */
final class ServiceRollout {
  private final EcsClient ecs;
  private final ServiceLookup lookup;
  private final ProgressLog log;

  ServiceRollout(EcsClient ecs, String cluster, String service, PrintWriter out) {
    this.ecs = ecs;
    this.lookup = new ServiceLookup(ecs, cluster, service);
    this.log = new ProgressLog(out, service);
  }

  /**
   * Rolls the images out; {@code pacing} empty means return once ECS has accepted the update.
   * Failures end in a {@link RolloutException} carrying the exit code.
   */
  void run(List<ImageOverride> images, Optional<Pacing> pacing) {
    Service service = lookup.describe();
    if (service.deploymentController() != null
        && service.deploymentController().type() != DeploymentControllerType.ECS) {
      throw new RolloutException(
          ExitCode.USAGE,
          "service '"
              + lookup.service()
              + "' uses the "
              + service.deploymentController().typeAsString()
              + " deployment controller; this tool drives ECS rolling deployments only");
    }
    DescribeTaskDefinitionResponse described =
        ecs.describeTaskDefinition(
            request ->
                request.taskDefinition(service.taskDefinition()).include(TaskDefinitionField.TAGS));
    TaskDefinitionRevision current =
        new TaskDefinitionRevision(described.taskDefinition(), described.tags());
    List<ImageOverride> changes = current.changes(images);
    DeploymentWatch watch = pacing.map(p -> new DeploymentWatch(lookup, p, log)).orElse(null);

    if (changes.isEmpty()) {
      if (watch != null && deploymentInProgress(service)) {
        log.say(
            "already deploying "
                + current.familyAndRevision()
                + " with the requested images; waiting for it");
        watch.ignoreEventsOf(service);
        watch.awaitCompletion(service.taskDefinition());
      } else {
        log.say(
            "already runs "
                + current.familyAndRevision()
                + " with the requested images: no change");
      }
      return;
    }

    Map<String, String> before = current.images();
    changes.forEach(
        change ->
            log.say(
                change.container()
                    + ": "
                    + before.get(change.container())
                    + " -> "
                    + change.image()));
    var registered = ecs.registerTaskDefinition(current.withImages(changes)).taskDefinition();
    String newArn = registered.taskDefinitionArn();
    log.say("registered " + registered.family() + ":" + registered.revision());

    if (watch != null) {
      watch.ignoreEventsOf(service);
    }
    lookup.rethrowMissingCluster(
        () ->
            ecs.updateService(
                request ->
                    request
                        .cluster(lookup.cluster())
                        .service(lookup.service())
                        .taskDefinition(newArn)));
    log.say("service updated to " + DeploymentWatch.shortName(newArn));
    if (watch != null) {
      watch.awaitCompletion(newArn);
    }
  }

  /** The service's primary deployment is for its current revision and has not finished. */
  private static boolean deploymentInProgress(Service service) {
    return service.deployments().stream()
        .anyMatch(
            d ->
                "PRIMARY".equals(d.status())
                    && service.taskDefinition().equals(d.taskDefinition())
                    && d.rolloutState() == DeploymentRolloutState.IN_PROGRESS);
  }
}
