package io.notejam.albconfig.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A target group with its health-check settings, attributes and inline targets. */
public record TargetGroup(
    @JsonProperty("Name") String name,
    @JsonProperty("Protocol") String protocol,
    @JsonProperty("ProtocolVersion") String protocolVersion,
    @JsonProperty("Port") Integer port,
    @JsonProperty("TargetType") String targetType,
    @JsonProperty("VpcId") String vpcId,
    @JsonProperty("HealthCheckEnabled") Boolean healthCheckEnabled,
    @JsonProperty("HealthCheckProtocol") String healthCheckProtocol,
    @JsonProperty("HealthCheckPort") String healthCheckPort,
    @JsonProperty("HealthCheckPath") String healthCheckPath,
    @JsonProperty("HealthCheckIntervalSeconds") Integer healthCheckIntervalSeconds,
    @JsonProperty("HealthCheckTimeoutSeconds") Integer healthCheckTimeoutSeconds,
    @JsonProperty("HealthyThresholdCount") Integer healthyThresholdCount,
    @JsonProperty("UnhealthyThresholdCount") Integer unhealthyThresholdCount,
    @JsonProperty("Matcher") Matcher matcher,
    @JsonProperty("TargetGroupAttributes") List<Attribute> targetGroupAttributes,
    @JsonProperty("Targets") List<Target> targets) {

  public TargetGroup {
    targetGroupAttributes = Lists.orEmpty(targetGroupAttributes);
    targets = Lists.orEmpty(targets);
  }

  /** The health-check settings with the AWS defaults filled in (HTTP/HTTPS ip or instance). */
  public HealthCheck healthCheck() {
    return new HealthCheck(
        healthCheckEnabled == null || healthCheckEnabled,
        healthCheckProtocol != null ? healthCheckProtocol : protocolOrDefault(),
        healthCheckPort != null ? healthCheckPort : HealthCheck.TRAFFIC_PORT,
        healthCheckPath != null ? healthCheckPath : "/",
        healthCheckIntervalSeconds != null ? healthCheckIntervalSeconds : 30,
        healthCheckTimeoutSeconds != null ? healthCheckTimeoutSeconds : 5,
        healthyThresholdCount != null ? healthyThresholdCount : 5,
        unhealthyThresholdCount != null ? unhealthyThresholdCount : 2,
        HttpCodeMatcher.parse(
            matcher != null && matcher.httpCode() != null ? matcher.httpCode() : "200"));
  }

  /** The configured value of a target-group attribute, or the AWS default. */
  public String attribute(String key) {
    for (Attribute attribute : targetGroupAttributes) {
      if (key.equals(attribute.key())) {
        return attribute.value();
      }
    }
    return TargetGroupAttributes.DEFAULTS.get(key);
  }

  public String protocolOrDefault() {
    return protocol != null ? protocol : "HTTP";
  }

  public String protocolVersionOrDefault() {
    return protocolVersion != null ? protocolVersion : "HTTP1";
  }

  /** Matcher: {@code HttpCode} like "200", "200,202" or "200-299"; {@code GrpcCode} for gRPC. */
  public record Matcher(
      @JsonProperty("HttpCode") String httpCode, @JsonProperty("GrpcCode") String grpcCode) {}

  /**
   * An inline target: {@code Id} is an IP address (or, locally, a DNS name that resolves to every
   * address behind it); {@code Port} defaults to the group's port.
   */
  public record Target(
      @JsonProperty("Id") String id,
      @JsonProperty("Port") Integer port,
      @JsonProperty("AvailabilityZone") String availabilityZone) {}

  /** Resolved health-check settings. */
  public record HealthCheck(
      boolean enabled,
      String protocol,
      String port,
      String path,
      int intervalSeconds,
      int timeoutSeconds,
      int healthyThreshold,
      int unhealthyThreshold,
      HttpCodeMatcher matcher) {
    public static final String TRAFFIC_PORT = "traffic-port";

    /** The port probes go to for a target registered on {@code targetPort}. */
    public int portFor(int targetPort) {
      return TRAFFIC_PORT.equals(port) ? targetPort : Integer.parseInt(port);
    }
  }
}
