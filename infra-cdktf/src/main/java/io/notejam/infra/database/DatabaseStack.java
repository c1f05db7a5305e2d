package io.notejam.infra.database;

import io.notejam.infra.DeploymentSettings;
import io.notejam.infra.NotejamStack;
import io.notejam.infra.network.Network;
import software.constructs.Construct;

/** The database, in its own state so that application changes can never plan to replace it. */
public class DatabaseStack extends NotejamStack {

  private final NotejamDatabase database;

  public DatabaseStack(Construct scope, String id, DeploymentSettings settings, Network network) {
    super(scope, id, settings);
    database =
        new NotejamDatabase(
            this,
            "database",
            settings.namePrefix(),
            network.vpcId(),
            network.privateSubnetIds(),
            settings.databaseInstanceClass(),
            settings.logRetentionDays(),
            accountId());
  }

  public NotejamDatabase database() {
    return database;
  }
}
