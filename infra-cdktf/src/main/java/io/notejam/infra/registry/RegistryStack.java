package io.notejam.infra.registry;

import com.hashicorp.cdktf.TerraformOutput;
import io.notejam.infra.DeploymentSettings;
import io.notejam.infra.NotejamStack;
import io.notejam.infra.ServiceSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import software.constructs.Construct;

/**
 * The image repositories. Deployed first and on its own, because CI pushes images between this
 * stack and the application stack (the services cannot start without them).
 */
public class RegistryStack extends NotejamStack {

  private final Map<ServiceSpec, ContainerRegistry> registries = new LinkedHashMap<>();

  public RegistryStack(Construct scope, String id, DeploymentSettings settings) {
    super(scope, id, settings);
    for (ServiceSpec service : ServiceSpec.ALL) {
      registries.put(service, repository(settings, service.name(), service.outputPrefix()));
    }
    // The local ALB is not deployed (AWS runs the real one), but its image is published beside the
    // services' so that a staging or developer environment runs the same build CI tested.
    repository(settings, GATEWAY, "GatewaySvc");
  }

  static final String GATEWAY = "gateway";

  private ContainerRegistry repository(
      DeploymentSettings settings, String name, String outputPrefix) {
    ContainerRegistry registry =
        new ContainerRegistry(this, name, settings.namePrefix() + "/" + name);
    TerraformOutput.Builder.create(this, outputPrefix + "RepositoryUri")
        .value(registry.repositoryUrl())
        .description("Push " + name + " images here")
        .build();
    return registry;
  }

  public ContainerRegistry registryOf(ServiceSpec service) {
    return registries.get(service);
  }
}
