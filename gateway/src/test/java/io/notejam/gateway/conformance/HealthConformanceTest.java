package io.notejam.gateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notejam.gateway.support.RawHttp;
import io.notejam.gateway.support.RunningGateway;
import io.notejam.gateway.support.TestBackend;
import io.notejam.gateway.targets.Target;
import io.notejam.gateway.targets.TargetHealth;
import io.notejam.gateway.targets.TargetState;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Health checks, fail-open and deregistration (spec §4.4, §5). All groups are probed from the start
 * (every 5 s, the AWS minimum), so their state machines run side by side.
 */
class HealthConformanceTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static TestBackend flappy;
  private static TestBackend noContent;
  private static TestBackend slow;
  private static TestBackend failing;
  private static TestBackend drainA;
  private static TestBackend drainB;
  private static TestBackend rampA;
  private static TestBackend rampB;
  private static int refusedPort;
  private static RunningGateway gateway;

  private static String group(String name, String extra, int... ports) {
    StringBuilder targets = new StringBuilder();
    for (int port : ports) {
      targets
          .append(targets.length() == 0 ? "" : ", ")
          .append("{Id: 127.0.0.1, Port: ")
          .append(port)
          .append('}');
    }
    return "  - {Name: "
        + name
        + ", Protocol: HTTP, Port: 80, TargetType: ip, HealthCheckPath: /health, HealthCheckIntervalSeconds: 5,"
        + " HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2"
        + extra
        + ", Targets: ["
        + targets
        + "]}\n";
  }

  private static String route(int priority, String path, String group) {
    return "      - Priority: "
        + priority
        + "\n        Conditions: [{Field: path-pattern, PathPatternConfig: {Values: ['"
        + path
        + "']}}]\n        Actions: [{Type: forward, ForwardConfig: {TargetGroups: [{TargetGroupName: "
        + group
        + "}]}}]\n";
  }

  @BeforeAll
  static void start() throws Exception {
    flappy = new TestBackend("flappy");
    noContent = new TestBackend("no-content");
    noContent.healthStatus(204);
    slow = new TestBackend("slow");
    slow.healthStatus(-3000);
    failing = new TestBackend("failing");
    failing.healthStatus(500);
    drainA = new TestBackend("drain-a");
    drainB = new TestBackend("drain-b");
    rampA = new TestBackend("ramp-a");
    rampB = new TestBackend("ramp-b");
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      refusedPort = probe.getLocalPort();
    }
    String yaml =
        "Name: health\nListeners:\n  - Port: 8080\n"
            + "    DefaultActions: [{Type: forward, ForwardConfig: {TargetGroups: [{TargetGroupName: flappy}]}}]\n"
            + "    Rules:\n"
            + route(1, "/codes*", "codes")
            + route(2, "/range*", "range")
            + route(3, "/slow*", "slow")
            + route(4, "/failing*", "failing")
            + route(5, "/refused*", "refused")
            + route(6, "/drain*", "drain")
            + route(7, "/ramp*", "ramp")
            + "TargetGroups:\n"
            + group("flappy", "", flappy.port())
            + group("codes", "", noContent.port())
            + group("range", ", Matcher: {HttpCode: '200-299'}", noContent.port())
            + group("slow", "", slow.port())
            + group("failing", "", failing.port())
            + group("refused", "", refusedPort)
            + group(
                "drain",
                ", TargetGroupAttributes: [{Key: deregistration_delay.timeout_seconds, Value: '2'}]",
                drainA.port(),
                drainB.port())
            + group(
                "ramp",
                ", TargetGroupAttributes: [{Key: slow_start.duration_seconds, Value: '60'}]",
                rampA.port())
            + group("unreferenced", "", flappy.port());
    gateway = RunningGateway.start(yaml);
  }

  @AfterAll
  static void stop() {
    gateway.close();
    for (TestBackend backend :
        List.of(flappy, noContent, slow, failing, drainA, drainB, rampA, rampB)) {
      backend.close();
    }
  }

  private static TargetHealth health(String group) {
    return gateway.group(group).targets().get(0).health();
  }

  private static void awaitState(String group, TargetState state) {
    RunningGateway.await(() -> health(group).state() == state, WAIT, group + " " + state.apiName());
  }

  @Test
  @DisplayName(
      "H-02 H-05 probes: GET path, Host ip:port, ELB-HealthChecker/2.0, connection closed; initial -> healthy after 1 pass")
  void probeShapeAndFirstPass() {
    awaitState("flappy", TargetState.HEALTHY);
    TestBackend.Seen probe = flappy.healthChecks().get(0);
    assertEquals("GET", probe.method());
    assertEquals("/health", probe.uri());
    assertEquals("127.0.0.1:" + flappy.port(), probe.header("Host"));
    assertEquals("ELB-HealthChecker/2.0", probe.header("User-Agent"));
    RunningGateway.await(() -> flappy.healthChecks().size() >= 2, WAIT, "a second probe");
    assertTrue(
        flappy.healthChecks().get(0).remotePort() != flappy.healthChecks().get(1).remotePort(),
        "a new connection per probe");
  }

  @Test
  @DisplayName(
      "H-03 matcher 200 marks a 204 unhealthy (ResponseCodeMismatch); matcher 200-299 accepts it")
  void matcher() {
    awaitState("codes", TargetState.UNHEALTHY);
    assertEquals("Target.ResponseCodeMismatch", health("codes").reason());
    assertEquals("Health checks failed with these codes: [204]", health("codes").description());
    awaitState("range", TargetState.HEALTHY);
  }

  @Test
  @DisplayName(
      "H-04 a probe exceeding the timeout counts as Target.Timeout; a refused one as Target.FailedHealthChecks")
  void timeoutsAndRefusals() {
    awaitState("slow", TargetState.UNHEALTHY);
    assertEquals("Target.Timeout", health("slow").reason());
    awaitState("refused", TargetState.UNHEALTHY);
    assertEquals("Target.FailedHealthChecks", health("refused").reason());
  }

  @Test
  @DisplayName(
      "H-06 healthy -> unhealthy after 2 failures, unhealthy -> healthy after the healthy threshold")
  void transitions() throws Exception {
    awaitState("flappy", TargetState.HEALTHY);
    flappy.healthStatus(503);
    awaitState("flappy", TargetState.UNHEALTHY);
    int failedProbes = flappy.healthChecks().size();
    flappy.healthStatus(200);
    RunningGateway.await(
        () -> flappy.healthChecks().size() >= failedProbes + 1, WAIT, "one passing probe");
    assertEquals(TargetState.UNHEALTHY, health("flappy").state(), "one pass is not enough");
    awaitState("flappy", TargetState.HEALTHY);
  }

  @Test
  @DisplayName("H-07 all targets unhealthy: requests still reach them (fail-open)")
  void failOpen() throws Exception {
    awaitState("failing", TargetState.UNHEALTHY);
    RawHttp.Response response = RawHttp.get(gateway.port(), "/failing/page");
    assertEquals(200, response.status());
    assertEquals("failing", response.body());
  }

  @Test
  @DisplayName(
      "H-09 health checks are not written to the access log; groups no rule uses read unused")
  void healthChecksNotLogged() throws Exception {
    RawHttp.get(gateway.port(), "/logged-request");
    gateway.logEntryFor("/logged-request");
    assertTrue(gateway.logLines().stream().noneMatch(line -> line.contains("ELB-HealthChecker")));
    assertTrue(gateway.logLines().stream().noneMatch(line -> line.contains("/health ")));
    assertEquals("Target.NotInUse", health("unreferenced").reason());
  }

  @Test
  @DisplayName(
      "T-05 T-06 deregistration: no new requests, in-flight ones finish, draining until the delay, then unused; one still open then gets 502")
  void draining() throws Exception {
    var group = gateway.group("drain");
    RunningGateway.await(
        () -> group.targets().stream().allMatch(t -> t.health().state() == TargetState.HEALTHY),
        WAIT,
        "drain targets healthy");
    drainA.respondWith(
        (exchange, body) -> {
          try {
            Thread.sleep(exchange.getRequestURI().getPath().contains("long") ? 6000 : 800);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          TestBackend.answer(200, "drain-a", Map.of()).respond(exchange, body);
        });
    try (RawHttp finishing = new RawHttp(gateway.port());
        RawHttp cut = new RawHttp(gateway.port())) {
      // round robin: send until one request of each kind is held by drain-a
      sendUntilHeld(finishing, "/drain/short");
      sendUntilHeld(cut, "/drain/long");
      group.deregister("127.0.0.1", drainA.port());
      Target draining = group.find("127.0.0.1", drainA.port()).orElseThrow();
      assertEquals(TargetState.DRAINING, draining.health().state());
      assertEquals("Target.DeregistrationInProgress", draining.health().reason());
      for (int i = 0; i < 4; i++) {
        assertEquals("drain-b", RawHttp.get(gateway.port(), "/drain/new").body());
      }
      assertEquals(200, finishing.read(false).status());
      RunningGateway.await(
          () -> group.find("127.0.0.1", drainA.port()).isEmpty(),
          Duration.ofSeconds(5),
          "drain delay to end");
      assertEquals(502, cut.read(false).status());
    } finally {
      drainA.respondWith(null);
      group.register("127.0.0.1", drainA.port());
    }
  }

  @Test
  @DisplayName(
      "T-04 a target joining a healthy group starts in slow start with a small, growing share")
  void slowStart() throws Exception {
    var group = gateway.group("ramp");
    awaitState("ramp", TargetState.HEALTHY);
    group.register("127.0.0.1", rampB.port());
    RunningGateway.await(
        () ->
            group
                .find("127.0.0.1", rampB.port())
                .map(t -> t.health().state() == TargetState.HEALTHY)
                .orElse(false),
        WAIT,
        "ramp-b healthy");
    int newcomer = 0;
    try (RawHttp client = new RawHttp(gateway.port())) {
      for (int i = 0; i < 200; i++) {
        client.send("GET /ramp HTTP/1.1\nHost: example.com\n\n");
        if (client.read(false).body().equals("ramp-b")) {
          newcomer++;
        }
      }
    }
    // round robin would give it 100 of 200; a 60 s linear ramp a few seconds in gives far fewer
    assertTrue(newcomer < 60, "ramp-b got " + newcomer + " of 200");
  }

  /** Sends requests on {@code client} until one lands on drain-a (and is held there). */
  private static void sendUntilHeld(RawHttp client, String path) throws Exception {
    for (int i = 0; i < 6; i++) {
      int before = drainA.seen().size();
      client.send("GET " + path + " HTTP/1.1\nHost: example.com\n\n");
      RunningGateway.await(
          () ->
              drainA.seen().size() > before
                  || drainB.seen().stream().anyMatch(s -> s.uri().equals(path)),
          Duration.ofSeconds(5),
          "request to reach a target");
      if (drainA.seen().size() > before) {
        return;
      }
      client.read(false);
      drainB.reset();
    }
    throw new AssertionError("round robin never chose drain-a");
  }
}
