package io.notejam.infra;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that differs between deployments, read once at synth time from {@code NOTEJAM_*}
 * environment variables (the README lists them). Synth-time values, not Terraform variables:
 * several of them decide which resources exist at all (HTTPS, access logs, NAT per zone).
 */
public record DeploymentSettings(
    String environment,
    String region,
    StateBackendSettings stateBackend,
    Optional<String> imageTag,
    Optional<PublicDomain> domain,
    Optional<String> accessLogsBucket,
    int natGateways,
    String databaseInstanceClass,
    int logRetentionDays,
    Path routingFile) {

  /** A public DNS name for the ALB in a Route 53 hosted zone: turns on HTTPS with ACM. */
  public record PublicDomain(String name, String hostedZoneId) {}

  public DeploymentSettings {
    if (!environment.matches("[a-z][a-z0-9-]{0,11}")) {
      throw new IllegalArgumentException(
          "NOTEJAM_ENVIRONMENT must be 1-12 lowercase letters, digits or '-', starting with a"
              + " letter (it prefixes names AWS limits to 32 characters): "
              + environment);
    }
    if (natGateways < 1 || natGateways > io.notejam.infra.network.Network.ZONES) {
      throw new IllegalArgumentException(
          "NOTEJAM_NAT_GATEWAYS must be 1 (one shared NAT) or "
              + io.notejam.infra.network.Network.ZONES
              + " (one per zone): "
              + natGateways);
    }
  }

  /** Reads the settings from environment variables, with the documented defaults. */
  public static DeploymentSettings fromEnvironment(Map<String, String> env) {
    String region =
        value(env, "NOTEJAM_AWS_REGION")
            .or(() -> value(env, "AWS_REGION"))
            .orElse("ap-southeast-1");
    Optional<String> domainName = value(env, "NOTEJAM_DOMAIN_NAME");
    Optional<String> zoneId = value(env, "NOTEJAM_HOSTED_ZONE_ID");
    if (domainName.isPresent() != zoneId.isPresent()) {
      throw new IllegalArgumentException(
          "Set both NOTEJAM_DOMAIN_NAME and NOTEJAM_HOSTED_ZONE_ID (HTTPS), or neither (HTTP only)");
    }
    return new DeploymentSettings(
        value(env, "NOTEJAM_ENVIRONMENT").orElse("prod"),
        region,
        StateBackendSettings.fromEnvironment(env, region),
        value(env, "NOTEJAM_IMAGE_TAG"),
        domainName.map(name -> new PublicDomain(name, zoneId.orElseThrow())),
        value(env, "NOTEJAM_ALB_ACCESS_LOGS_BUCKET"),
        integer(env, "NOTEJAM_NAT_GATEWAYS", 1),
        value(env, "NOTEJAM_DB_INSTANCE_CLASS").orElse("db.t4g.micro"),
        integer(env, "NOTEJAM_LOG_RETENTION_DAYS", 30),
        Path.of(value(env, "NOTEJAM_ROUTING_FILE").orElse("../routing/notejam-alb.yaml")));
  }

  /** Prefix of every resource name, e.g. {@code notejam-prod}. */
  public String namePrefix() {
    return "notejam-" + environment;
  }

  static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static int integer(Map<String, String> env, String name, int defaultValue) {
    String raw = value(env, name).orElse(Integer.toString(defaultValue));
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number: " + raw, e);
    }
  }
}
