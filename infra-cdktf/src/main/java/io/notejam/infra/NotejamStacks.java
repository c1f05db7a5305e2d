package io.notejam.infra;

import io.notejam.albconfig.model.LoadBalancer;
import io.notejam.infra.application.ApplicationStack;
import io.notejam.infra.database.DatabaseStack;
import io.notejam.infra.network.NetworkStack;
import io.notejam.infra.registry.RegistryStack;
import software.constructs.Construct;

/**
 * The four stacks of a deployment, in the order they deploy: the registry (CI pushes images right
 * after it), the network, the database, then the application. Later stacks read what they need from
 * earlier ones through Terraform remote state, which CDKTF wires from the references.
 */
public record NotejamStacks(
    RegistryStack registry,
    NetworkStack network,
    DatabaseStack database,
    ApplicationStack application) {

  public static final String REGISTRY = "notejam-registry";
  public static final String NETWORK = "notejam-network";
  public static final String DATABASE = "notejam-database";
  public static final String APPLICATION = "notejam-application";

  /** Adds the stacks to {@code app}; {@code routing} is the loaded, validated routing file. */
  public static NotejamStacks create(
      Construct app, DeploymentSettings settings, LoadBalancer routing) {
    var registry = new RegistryStack(app, REGISTRY, settings);
    var network = new NetworkStack(app, NETWORK, settings);
    var database = new DatabaseStack(app, DATABASE, settings, network.network());
    var application =
        new ApplicationStack(
            app,
            APPLICATION,
            settings,
            new ApplicationStack.Foundations(network.network(), database.database(), registry),
            routing);
    return new NotejamStacks(registry, network, database, application);
  }
}
