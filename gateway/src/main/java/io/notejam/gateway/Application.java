package io.notejam.gateway;

import io.micronaut.runtime.Micronaut;
import io.notejam.albconfig.AlbConfig;
import io.notejam.albconfig.AlbConfigException;
import java.nio.file.Path;
import java.security.Security;

/**
 * The local Application Load Balancer. The document named by {@code GATEWAY_CONFIG} is validated
 * first: an invalid one ends the process with status 2 and the AWS-worded problems on stderr.
 */
public final class Application {
  private Application() {}

  public static void main(String[] args) {
    // DNS-named targets (compose services) are re-resolved: do not cache lookups for long.
    Security.setProperty("networkaddress.cache.ttl", "5");
    Security.setProperty("networkaddress.cache.negative.ttl", "1");
    String config = System.getenv().getOrDefault("GATEWAY_CONFIG", "routing/notejam-alb.yaml");
    try {
      AlbConfig.load(Path.of(config));
    } catch (AlbConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
    Micronaut.run(Application.class, args);
  }
}
