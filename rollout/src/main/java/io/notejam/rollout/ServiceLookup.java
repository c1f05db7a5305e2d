package io.notejam.rollout;

import java.util.function.Supplier;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Reads one service's current state, turning "not there" into a clear {@link ExitCode#NOT_FOUND}.
 */
final class ServiceLookup {
  private final EcsClient ecs;
  private final String cluster;
  private final String service;

  ServiceLookup(EcsClient ecs, String cluster, String service) {
    this.ecs = ecs;
    this.cluster = cluster;
    this.service = service;
  }

  Service describe() {
    var response =
        rethrowMissingCluster(
            () -> ecs.describeServices(request -> request.cluster(cluster).services(service)));
    return response.services().stream()
        .filter(found -> "ACTIVE".equals(found.status()))
        .findFirst()
        .orElseThrow(
            () ->
                new RolloutException(
                    ExitCode.NOT_FOUND,
                    "service '"
                        + service
                        + "' not found in cluster '"
                        + cluster
                        + "'"
                        + (response.services().isEmpty() ? "" : " (it is no longer active)")));
  }

  String cluster() {
    return cluster;
  }

  String service() {
    return service;
  }

  <T> T rethrowMissingCluster(Supplier<T> call) {
    try {
      return call.get();
    } catch (ClusterNotFoundException e) {
      throw new RolloutException(ExitCode.NOT_FOUND, "cluster '" + cluster + "' not found");
    }
  }
}
