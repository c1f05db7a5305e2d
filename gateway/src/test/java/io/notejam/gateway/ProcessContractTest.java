package io.notejam.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notejam.gateway.support.RawHttp;
import io.notejam.gateway.support.RunningGateway;
import io.notejam.gateway.support.TestBackend;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The gateway as a process: configuration from the environment, an invalid file refused with AWS
 * wording and a non-zero status, targets overridden by a DNS name, and a graceful SIGTERM.
 */
class ProcessContractTest {

  private static Process launch(Map<String, String> environment, Path output) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-Xmx128m",
            "-cp",
            System.getProperty("java.class.path"),
            Application.class.getName());
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    builder.redirectOutput(output.toFile());
    return builder.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void invalidConfigurationExitsNonZeroWithTheAwsMessage() throws Exception {
    Path folder = Files.createTempDirectory("process-test");
    Path config = folder.resolve("bad.yaml");
    Files.writeString(
        config,
        """
        Listeners:
          - Port: 80
            DefaultActions: [{Type: fixed-response, FixedResponseConfig: {StatusCode: '404'}}]
            Rules:
              - {Priority: 5, Conditions: [{Field: path-pattern, Values: [/a]}], Actions: [{Type: fixed-response, FixedResponseConfig: {StatusCode: '200'}}]}
              - {Priority: 5, Conditions: [{Field: path-pattern, Values: [/b]}], Actions: [{Type: fixed-response, FixedResponseConfig: {StatusCode: '200'}}]}
        """);
    Path output = folder.resolve("out.txt");
    Process process = launch(Map.of("GATEWAY_CONFIG", config.toString()), output);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(2, process.exitValue());
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    assertTrue(
        printed.contains(
            "An error occurred (PriorityInUse) when calling the CreateRule operation: The specified priority is in use."),
        printed);
    assertTrue(printed.contains("Listeners[0] (port 80).Rules[1] (Priority 5).Priority"), printed);
    assertTrue(!printed.contains("Exception"), printed);
  }

  @Test
  void environmentConfiguresPortsTargetsByDnsNameAndSigtermDrainsInFlightRequests()
      throws Exception {
    try (TestBackend backend = new TestBackend("dns-target")) {
      backend.respondWith(
          (exchange, body) -> {
            try {
              Thread.sleep(exchange.getRequestURI().getPath().equals("/slow") ? 1500 : 0);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            TestBackend.answer(200, "dns-target", Map.of()).respond(exchange, body);
          });
      Path folder = Files.createTempDirectory("process-test");
      Path config = folder.resolve("alb.yaml");
      Files.writeString(
          config,
          """
          Listeners:
            - Port: 80
              DefaultActions: [{Type: forward, ForwardConfig: {TargetGroups: [{TargetGroupName: app}]}}]
          TargetGroups:
            - {Name: app, Protocol: HTTP, Port: 3000, TargetType: ip, HealthCheckEnabled: false, Targets: [{Id: 10.0.0.1}]}
          """);
      int port = freePort();
      Path log = folder.resolve("access.log");
      Process process =
          launch(
              Map.of(
                  "GATEWAY_CONFIG", config.toString(),
                  "PORT", Integer.toString(port),
                  "GATEWAY_ADMIN_PORT", Integer.toString(freePort()),
                  "GATEWAY_BIND_ADDRESS", "127.0.0.1",
                  "GATEWAY_ACCESS_LOG", log.toString(),
                  "GATEWAY_TARGETS_APP", "localhost:" + backend.port()),
              folder.resolve("out.txt"));
      try {
        RunningGateway.await(
            () -> answers(port), Duration.ofSeconds(60), "the gateway process to serve");
        assertEquals("dns-target", RawHttp.get(port, "/").body());
        try (RawHttp inFlight = new RawHttp(port)) {
          inFlight.send("GET /slow HTTP/1.1\nHost: example.com\n\n");
          RunningGateway.await(
              () -> backend.seen().stream().anyMatch(s -> s.uri().equals("/slow")),
              Duration.ofSeconds(5),
              "slow request at target");
          process.destroy();
          RawHttp.Response response = inFlight.read(false);
          assertEquals(200, response.status());
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the process stops after SIGTERM");
        List<String> lines = Files.readAllLines(log);
        assertTrue(
            lines.stream()
                .anyMatch(l -> l.contains("GET http://example.com:" + port + "/slow HTTP/1.1")),
            lines.toString());
      } finally {
        process.destroyForcibly();
      }
    }
  }

  private static boolean answers(int port) {
    try {
      return RawHttp.get(port, "/").status() == 200;
    } catch (IOException e) {
      return false;
    }
  }
}
