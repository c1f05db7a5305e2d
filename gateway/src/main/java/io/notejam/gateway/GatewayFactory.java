package io.notejam.gateway;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.notejam.albconfig.AlbConfig;
import io.notejam.albconfig.AlbConfigException;
import io.notejam.albconfig.model.LoadBalancer;
import io.notejam.albconfig.model.TargetGroup;
import io.notejam.gateway.proxy.Gateway;
import io.notejam.gateway.proxy.GatewayOptions;
import io.notejam.gateway.targets.TargetSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Starts the data plane with the application (and stops it, gracefully, with it). */
@Factory
class GatewayFactory {

  @Context
  @Bean(preDestroy = "close")
  Gateway gateway(
      @Value("${gateway.config}") String config,
      @Value("${gateway.port:}") String port,
      @Value("${gateway.access-log:}") String accessLog,
      @Value("${gateway.access-log-json:}") String accessLogJson,
      @Value("${gateway.bind-address:0.0.0.0}") String bindAddress,
      @Value("${gateway.dns-refresh-seconds:5}") int dnsRefreshSeconds,
      @Value("${gateway.shutdown-grace-seconds:10}") int graceSeconds,
      @Value("${gateway.io-threads:0}") int ioThreads,
      Environment environment)
      throws AlbConfigException, IOException, InterruptedException {
    LoadBalancer loadBalancer = AlbConfig.load(Path.of(config));
    GatewayOptions options =
        new GatewayOptions(
            bindAddress,
            port.isBlank() ? null : Integer.parseInt(port.trim()),
            accessLog.isBlank() ? null : Path.of(accessLog),
            accessLogJson.isBlank() ? null : Path.of(accessLogJson),
            targetOverrides(loadBalancer, environment),
            Duration.ofSeconds(dnsRefreshSeconds),
            ioThreads > 0 ? ioThreads : Math.max(2, Runtime.getRuntime().availableProcessors()),
            Duration.ofSeconds(graceSeconds));
    Gateway gateway = Gateway.start(loadBalancer, options);
    // SIGTERM: requests in flight finish before the JVM goes, even during the context's startup
    Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "gateway-drain"));
    return gateway;
  }

  /**
   * {@code GATEWAY_TARGETS_<GROUP>} (group name upper-cased, {@code -} as {@code _}), seen by
   * Micronaut as {@code gateway.targets.<group>}: a comma-separated list of {@code host[:port]}
   * replacing the group's Targets.
   */
  private static Map<String, List<TargetSource>> targetOverrides(
      LoadBalancer loadBalancer, Environment environment) {
    Map<String, List<TargetSource>> overrides = new HashMap<>();
    for (TargetGroup group : loadBalancer.targetGroups()) {
      String envName = "GATEWAY_TARGETS_" + group.name().toUpperCase(Locale.ROOT).replace('-', '_');
      String value = System.getenv(envName);
      if (value == null) {
        value =
            environment
                .getProperty(
                    "gateway.targets." + group.name().toLowerCase(Locale.ROOT), String.class)
                .orElse(null);
      }
      if (value != null && !value.isBlank()) {
        overrides.put(group.name(), TargetSource.parseList(value));
      }
    }
    return overrides;
  }
}
