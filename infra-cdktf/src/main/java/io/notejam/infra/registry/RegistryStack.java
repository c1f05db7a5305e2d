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
      ContainerRegistry registry =
          new ContainerRegistry(this, service.name(), settings.namePrefix() + "/" + service.name());
      registries.put(service, registry);
      TerraformOutput.Builder.create(this, service.outputPrefix() + "RepositoryUri")
          .value(registry.repositoryUrl())
          .description("Push " + service.name() + " images here")
          .build();
    }
  }

  public ContainerRegistry registryOf(ServiceSpec service) {
    return registries.get(service);
  }
}
