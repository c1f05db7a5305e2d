package io.notejam.albconfig.model;

import java.util.Map;

/** Load-balancer attribute keys the model knows, with the AWS defaults. */
public final class LoadBalancerAttributes {
  public static final String IDLE_TIMEOUT = "idle_timeout.timeout_seconds";
  public static final String XFF_MODE = "routing.http.xff_header_processing.mode";
  public static final String XFF_CLIENT_PORT = "routing.http.xff_client_port.enabled";
  public static final String PRESERVE_HOST = "routing.http.preserve_host_header.enabled";
  public static final String DROP_INVALID_HEADERS =
      "routing.http.drop_invalid_header_fields.enabled";
  public static final String DESYNC_MODE = "routing.http.desync_mitigation_mode";
  public static final String CLIENT_KEEP_ALIVE = "client_keep_alive.seconds";

  /** Every key ELBv2 accepts for an application load balancer, with its default value. */
  public static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry(IDLE_TIMEOUT, "60"),
          Map.entry(XFF_MODE, "append"),
          Map.entry(XFF_CLIENT_PORT, "false"),
          Map.entry(PRESERVE_HOST, "false"),
          Map.entry(DROP_INVALID_HEADERS, "false"),
          Map.entry(DESYNC_MODE, "defensive"),
          Map.entry(CLIENT_KEEP_ALIVE, "3600"),
          Map.entry("routing.http2.enabled", "true"),
          Map.entry("routing.http.x_amzn_tls_version_and_cipher_suite.enabled", "false"),
          Map.entry("deletion_protection.enabled", "false"),
          Map.entry("access_logs.s3.enabled", "false"),
          Map.entry("access_logs.s3.bucket", ""),
          Map.entry("access_logs.s3.prefix", ""),
          Map.entry("connection_logs.s3.enabled", "false"),
          Map.entry("connection_logs.s3.bucket", ""),
          Map.entry("connection_logs.s3.prefix", ""),
          Map.entry("waf.fail_open.enabled", "false"),
          Map.entry("load_balancing.cross_zone.enabled", "true"),
          Map.entry("zonal_shift.config.enabled", "false"));

  private LoadBalancerAttributes() {}
}
