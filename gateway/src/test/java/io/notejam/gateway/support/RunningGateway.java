package io.notejam.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notejam.albconfig.AlbConfig;
import io.notejam.albconfig.model.LoadBalancer;
import io.notejam.gateway.proxy.Gateway;
import io.notejam.gateway.proxy.GatewayOptions;
import io.notejam.gateway.targets.Target;
import io.notejam.gateway.targets.TargetGroupRuntime;
import io.notejam.gateway.targets.TargetState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The real data plane started from a YAML document on a free loopback port, with its access log and
 * JSON twin in a temporary folder.
 */
public final class RunningGateway implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Gateway gateway;
  private final Path accessLog;
  private final Path accessLogJson;

  private RunningGateway(Gateway gateway, Path accessLog, Path accessLogJson) {
    this.gateway = gateway;
    this.accessLog = accessLog;
    this.accessLogJson = accessLogJson;
  }

  public static RunningGateway start(String yaml) throws Exception {
    return start(yaml, "127.0.0.1");
  }

  /** As {@link #start(String)}, listening on {@code bindAddress} (e.g. {@code ::1}). */
  public static RunningGateway start(String yaml, String bindAddress) throws Exception {
    LoadBalancer loadBalancer = AlbConfig.parse(yaml, false, "test.yaml");
    Path folder = Files.createTempDirectory("gateway-test");
    Path log = folder.resolve("access.log");
    Path json = folder.resolve("access.json");
    GatewayOptions options =
        new GatewayOptions(
            bindAddress, 0, log, json, Map.of(), Duration.ofSeconds(1), 2, Duration.ofSeconds(2));
    return new RunningGateway(Gateway.start(loadBalancer, options), log, json);
  }

  public int port() {
    return gateway.port();
  }

  public Gateway gateway() {
    return gateway;
  }

  public TargetGroupRuntime group(String name) {
    return gateway.targets().byName(name).orElseThrow();
  }

  /** Waits until every target of {@code group} is healthy. */
  public void awaitHealthy(String group) {
    await(
        () -> {
          List<Target> targets = group(group).targets();
          return !targets.isEmpty()
              && targets.stream().allMatch(t -> t.health().state() == TargetState.HEALTHY);
        },
        Duration.ofSeconds(10),
        "targets of " + group + " healthy");
  }

  public static void await(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** ALB-format lines written so far. */
  public List<String> logLines() throws IOException {
    return Files.exists(accessLog) ? Files.readAllLines(accessLog) : List.of();
  }

  /** JSON-twin entries written so far. */
  public List<JsonNode> logEntries() throws IOException {
    List<JsonNode> entries = new ArrayList<>();
    if (Files.exists(accessLogJson)) {
      for (String line : Files.readAllLines(accessLogJson)) {
        entries.add(JSON.readTree(line));
      }
    }
    return entries;
  }

  /** Waits for the log entry whose request line contains {@code fragment}. */
  public JsonNode logEntryFor(String fragment) {
    JsonNode[] found = new JsonNode[1];
    await(
        () -> {
          try {
            for (JsonNode entry : logEntries()) {
              if (entry.get("request").asText().contains(fragment)) {
                found[0] = entry;
                return true;
              }
            }
            return false;
          } catch (IOException e) {
            return false;
          }
        },
        Duration.ofSeconds(5),
        "access log entry for " + fragment);
    return found[0];
  }

  @Override
  public void close() {
    gateway.close();
  }
}
