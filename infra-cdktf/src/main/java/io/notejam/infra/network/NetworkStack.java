package io.notejam.infra.network;

import io.notejam.infra.DeploymentSettings;
import io.notejam.infra.NotejamStack;
import software.constructs.Construct;

/** The VPC everything else lives in; changes rarely, so it has its own state. */
public class NetworkStack extends NotejamStack {

  private final Network network;

  public NetworkStack(Construct scope, String id, DeploymentSettings settings) {
    super(scope, id, settings);
    network =
        new Network(
            this, "network", settings.namePrefix(), settings.region(), settings.natGateways());
  }

  public Network network() {
    return network;
  }
}
