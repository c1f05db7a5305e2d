package io.notejam.infra;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.Testing;
import io.notejam.albconfig.AlbConfig;
import io.notejam.albconfig.AlbConfigException;
import io.notejam.albconfig.model.LoadBalancer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Every stack synthesized once per test JVM and shared by all test classes: jsii loads the AWS
 * provider into its node process once (~10 s warm, ~60 s on a fresh machine), a synth then takes
 * well under a second.
 */
final class SynthesizedStacks {

  static final Path ROUTING_FILE = Path.of("..", "routing", "notejam-alb.yaml");

  /** The deployment the tests look at: S3 state, HTTP only, no access logs. */
  static final Map<String, String> ENVIRONMENT =
      Map.of(
          "NOTEJAM_ENVIRONMENT", "prod",
          "NOTEJAM_AWS_REGION", "ap-southeast-1",
          "NOTEJAM_STATE_BUCKET", "notejam-terraform-state",
          "NOTEJAM_STATE_LOCK_TABLE", "notejam-terraform-locks",
          "NOTEJAM_IMAGE_TAG", "3f2c1ab",
          "NOTEJAM_ROUTING_FILE", ROUTING_FILE.toString());

  private static final Map<String, Synthesized> CACHE = new HashMap<>();
  private static NotejamStacks plain;
  private static Path plainOutdir;
  private static NotejamStacks withDomain;

  private SynthesizedStacks() {}

  static LoadBalancer routing() {
    try {
      return AlbConfig.load(ROUTING_FILE);
    } catch (AlbConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  static Synthesized registry() {
    return synthesized("registry", plain().registry());
  }

  static Synthesized network() {
    return synthesized("network", plain().network());
  }

  static Synthesized database() {
    return synthesized("database", plain().database());
  }

  static Synthesized application() {
    return synthesized("application", plain().application());
  }

  /** What {@code cdktf synth} writes for the tests' deployment: manifest.json and stacks/. */
  static Path cdktfOut() {
    plain();
    return plainOutdir;
  }

  /** The application stack of a deployment with a public domain (HTTPS) and ALB access logs. */
  static Synthesized applicationWithDomain() {
    return synthesized("application-with-domain", withDomain().application());
  }

  static Synthesized all(String name) {
    return switch (name) {
      case "registry" -> registry();
      case "network" -> network();
      case "database" -> database();
      case "application" -> application();
      default -> applicationWithDomain();
    };
  }

  private static synchronized NotejamStacks plain() {
    if (plain == null) {
      App app = newApp();
      plain = synthesizedApp(app, ENVIRONMENT);
      plainOutdir = Path.of(app.getOutdir());
    }
    return plain;
  }

  private static synchronized NotejamStacks withDomain() {
    if (withDomain == null) {
      Map<String, String> env = new HashMap<>(ENVIRONMENT);
      env.put("NOTEJAM_DOMAIN_NAME", "notes.example.com");
      env.put("NOTEJAM_HOSTED_ZONE_ID", "Z0123456789ABCDEFGHIJ");
      env.put("NOTEJAM_ALB_ACCESS_LOGS_BUCKET", "notejam-alb-logs");
      withDomain =
          NotejamStacks.create(newApp(), DeploymentSettings.fromEnvironment(env), routing());
    }
    return withDomain;
  }

  private static synchronized Synthesized synthesized(
      String key, com.hashicorp.cdktf.TerraformStack stack) {
    return CACHE.computeIfAbsent(key, k -> new Synthesized(Testing.synth(stack, true)));
  }

  /**
   * The stacks of one deployment, after a full app synth: that is when CDKTF turns references
   * between stacks into outputs and remote-state reads, as {@code cdktf synth} does.
   */
  private static NotejamStacks synthesizedApp(App app, Map<String, String> environment) {
    NotejamStacks stacks =
        NotejamStacks.create(app, DeploymentSettings.fromEnvironment(environment), routing());
    app.synth();
    return stacks;
  }

  static App newApp() {
    try {
      // Testing.app() writes into the temp folder, which Surefire points under target/.
      Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Testing.app();
  }
}
