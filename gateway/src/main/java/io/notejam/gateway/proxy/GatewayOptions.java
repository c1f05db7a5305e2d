package io.notejam.gateway.proxy;

import io.notejam.gateway.targets.TargetSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the data plane runs.
 *
 * @param portOverride replaces the first listener's port ({@code PORT}); 0 picks a free port
 * @param accessLog ALB-format access log file, null for stdout
 * @param accessLogJson the JSON twin, null for none
 * @param targetOverrides targets by group name, replacing the document's
 */
public record GatewayOptions(
    String bindAddress,
    Integer portOverride,
    Path accessLog,
    Path accessLogJson,
    Map<String, List<TargetSource>> targetOverrides,
    Duration dnsRefresh,
    int ioThreads,
    Duration shutdownGrace) {

  /** Defaults for a local run: all interfaces, ports from the document, log to stdout. */
  public static GatewayOptions defaults() {
    return new GatewayOptions(
        "0.0.0.0",
        null,
        null,
        null,
        Map.of(),
        Duration.ofSeconds(5),
        Math.max(2, Runtime.getRuntime().availableProcessors()),
        Duration.ofSeconds(10));
  }
}
