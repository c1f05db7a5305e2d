package io.notejam.infra;

import com.hashicorp.cdktf.App;
import io.notejam.albconfig.AlbConfig;
import io.notejam.albconfig.AlbConfigException;

/** Entry point of {@code cdktf synth/diff/deploy} (see cdktf.json): synthesizes every stack. */
public final class NotejamInfraApp {

  private NotejamInfraApp() {}

  public static void main(String[] args) throws AlbConfigException {
    DeploymentSettings settings = DeploymentSettings.fromEnvironment(System.getenv());
    App app = new App();
    NotejamStacks.create(app, settings, AlbConfig.load(settings.routingFile()));
    app.synth();
  }
}
