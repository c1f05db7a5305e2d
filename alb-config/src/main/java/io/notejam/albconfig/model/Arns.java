package io.notejam.albconfig.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** ARNs the local load balancer gives its resources (stable: derived from the names). */
public final class Arns {
  public static final String REGION = "us-east-1";
  public static final String ACCOUNT = "000000000000";
  private static final String PREFIX =
      "arn:aws:elasticloadbalancing:" + REGION + ":" + ACCOUNT + ":";

  private Arns() {}

  /** {@code arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/<name>/<16 hex>}. */
  public static String targetGroupArn(String name) {
    return PREFIX + "targetgroup/" + name + "/" + idOf("targetgroup/" + name);
  }

  /** {@code arn:…:loadbalancer/app/<name>/<16 hex>}. */
  public static String loadBalancerArn(String name) {
    return PREFIX + "loadbalancer/" + loadBalancerId(name);
  }

  /** {@code app/<name>/<16 hex>}, the access log's {@code elb} field. */
  public static String loadBalancerId(String name) {
    return "app/" + name + "/" + idOf("app/" + name);
  }

  /** The group name inside a target-group ARN ({@code …:targetgroup/<name>/<id>}), or null. */
  public static String targetGroupNameOf(String arn) {
    if (arn == null) {
      return null;
    }
    int start = arn.indexOf(":targetgroup/");
    if (start < 0) {
      return null;
    }
    String rest = arn.substring(start + ":targetgroup/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  /** The 16-hex id ARNs end with, derived from a seed so that each name always gets the same. */
  public static String idOf(String seed) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
