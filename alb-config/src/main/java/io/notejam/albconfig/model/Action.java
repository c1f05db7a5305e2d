package io.notejam.albconfig.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A rule or default action: forward, redirect or fixed-response. */
public record Action(
    @JsonProperty("Type") String type,
    @JsonProperty("Order") Integer order,
    @JsonProperty("TargetGroupArn") String targetGroupArn,
    @JsonProperty("ForwardConfig") ForwardConfig forwardConfig,
    @JsonProperty("RedirectConfig") RedirectConfig redirectConfig,
    @JsonProperty("FixedResponseConfig") FixedResponseConfig fixedResponseConfig) {

  public static final String FORWARD = "forward";
  public static final String REDIRECT = "redirect";
  public static final String FIXED_RESPONSE = "fixed-response";
  public static final String AUTHENTICATE_OIDC = "authenticate-oidc";
  public static final String AUTHENTICATE_COGNITO = "authenticate-cognito";

  /** True for the actions that end a rule (forward, redirect, fixed-response). */
  public boolean isTerminal() {
    return FORWARD.equals(type) || REDIRECT.equals(type) || FIXED_RESPONSE.equals(type);
  }

  /**
   * The groups a forward action sends to: {@code ForwardConfig.TargetGroups}, or the single {@code
   * TargetGroupArn} with weight 1.
   */
  public List<TargetGroupTuple> forwardTargets() {
    if (forwardConfig != null && !forwardConfig.targetGroups().isEmpty()) {
      return forwardConfig.targetGroups();
    }
    if (targetGroupArn != null) {
      return List.of(new TargetGroupTuple(targetGroupArn, null, 1));
    }
    return List.of();
  }

  /** Weighted target groups plus group-level stickiness. */
  public record ForwardConfig(
      @JsonProperty("TargetGroups") List<TargetGroupTuple> targetGroups,
      @JsonProperty("TargetGroupStickinessConfig") StickinessConfig targetGroupStickinessConfig) {
    public ForwardConfig {
      targetGroups = Lists.orEmpty(targetGroups);
    }
  }

  /**
   * One weighted group, named by ARN (its {@code targetgroup/<name>/} segment is matched) or, as a
   * local extension, by {@code TargetGroupName}.
   */
  public record TargetGroupTuple(
      @JsonProperty("TargetGroupArn") String targetGroupArn,
      @JsonProperty("TargetGroupName") String targetGroupName,
      @JsonProperty("Weight") Integer weight) {

    /** The referenced group's name, taken from TargetGroupName or parsed from the ARN. */
    public String groupName() {
      if (targetGroupName != null) {
        return targetGroupName;
      }
      return Arns.targetGroupNameOf(targetGroupArn);
    }

    /** Weight, 1 when absent (AWS default for a single group). */
    public int weightOrDefault() {
      return weight == null ? 1 : weight;
    }
  }

  /** TargetGroupStickinessConfig. */
  public record StickinessConfig(
      @JsonProperty("Enabled") Boolean enabled,
      @JsonProperty("DurationSeconds") Integer durationSeconds) {
    public boolean isEnabled() {
      return Boolean.TRUE.equals(enabled);
    }
  }

  /** RedirectConfig; unset components keep the request's value. */
  public record RedirectConfig(
      @JsonProperty("Protocol") String protocol,
      @JsonProperty("Host") String host,
      @JsonProperty("Port") String port,
      @JsonProperty("Path") String path,
      @JsonProperty("Query") String query,
      @JsonProperty("StatusCode") String statusCode) {}

  /** FixedResponseConfig. */
  public record FixedResponseConfig(
      @JsonProperty("StatusCode") String statusCode,
      @JsonProperty("ContentType") String contentType,
      @JsonProperty("MessageBody") String messageBody) {}
}
