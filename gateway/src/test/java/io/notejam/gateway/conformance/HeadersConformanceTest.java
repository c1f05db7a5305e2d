package io.notejam.gateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notejam.gateway.support.Configs;
import io.notejam.gateway.support.RawBackend;
import io.notejam.gateway.support.RawHttp;
import io.notejam.gateway.support.RunningGateway;
import io.notejam.gateway.support.TestBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The header contract between client, load balancer and target (spec §6). */
class HeadersConformanceTest {
  private static final Pattern ROOT = Pattern.compile("Root=1-([0-9a-f]{8})-[0-9a-f]{24}");
  private static TestBackend backend;
  private static RunningGateway gateway;
  private static RunningGateway preserving;
  private static RunningGateway removing;
  private static RunningGateway withClientPort;

  @BeforeAll
  static void start() throws Exception {
    backend = new TestBackend("target");
    gateway = RunningGateway.start(Configs.forwardTo("", "", backend));
    preserving =
        RunningGateway.start(
            Configs.forwardTo(
                "{Key: routing.http.xff_header_processing.mode, Value: preserve},"
                    + " {Key: routing.http.drop_invalid_header_fields.enabled, Value: 'true'},"
                    + " {Key: routing.http.preserve_host_header.enabled, Value: 'true'}",
                "",
                backend));
    removing =
        RunningGateway.start(
            Configs.forwardTo(
                "{Key: routing.http.xff_header_processing.mode, Value: remove}", "", backend));
    withClientPort =
        RunningGateway.start(
            Configs.forwardTo(
                "{Key: routing.http.xff_client_port.enabled, Value: 'true'}", "", backend));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    preserving.close();
    removing.close();
    withClientPort.close();
    backend.close();
  }

  @BeforeEach
  void reset() {
    backend.reset();
  }

  @Test
  @DisplayName("X-01 X-Forwarded-For append mode")
  void forwardedForAppend() throws Exception {
    RawHttp.get(gateway.port(), "/");
    assertEquals("127.0.0.1", backend.last().header("X-Forwarded-For"));
    RawHttp.get(gateway.port(), "/", "X-Forwarded-For: 127.0.0.4, 127.0.0.8");
    assertEquals("127.0.0.4, 127.0.0.8, 127.0.0.1", backend.last().header("X-Forwarded-For"));
  }

  @Test
  @DisplayName("X-02 X-Forwarded-For preserve, remove and client-port modes")
  void forwardedForModes() throws Exception {
    RawHttp.get(preserving.port(), "/", "X-Forwarded-For: 10.0.0.1");
    assertEquals("10.0.0.1", backend.last().header("X-Forwarded-For"));
    RawHttp.get(preserving.port(), "/");
    assertNull(backend.last().header("X-Forwarded-For"));
    RawHttp.get(removing.port(), "/", "X-Forwarded-For: 10.0.0.1");
    assertNull(backend.last().header("X-Forwarded-For"));
    try (RawHttp client = new RawHttp(withClientPort.port())) {
      client.send("GET / HTTP/1.1\nHost: example.com\n\n");
      client.read(false);
      assertEquals(
          "127.0.0.1:" + client.socket().getLocalPort(), backend.last().header("X-Forwarded-For"));
    }
  }

  @Test
  @DisplayName("X-03 an X-Forwarded-For with 31 addresses gives 463")
  void tooManyForwardedFor() throws Exception {
    String thirty = String.join(", ", java.util.Collections.nCopies(30, "10.0.0.1"));
    assertEquals(200, RawHttp.get(gateway.port(), "/", "X-Forwarded-For: " + thirty).status());
    RawHttp.Response response =
        RawHttp.get(gateway.port(), "/", "X-Forwarded-For: " + thirty + ", 10.0.0.2");
    assertEquals(463, response.status());
    assertEquals("awselb/2.0", response.header("Server"));
  }

  @Test
  @DisplayName("X-04 X-Forwarded-Proto and -Port are the listener's and replace client values")
  void forwardedProtoAndPort() throws Exception {
    RawHttp.get(gateway.port(), "/", "X-Forwarded-Proto: https", "X-Forwarded-Port: 443");
    assertEquals("http", backend.last().header("X-Forwarded-Proto"));
    assertEquals(Integer.toString(gateway.port()), backend.last().header("X-Forwarded-Port"));
    assertEquals(1, backend.last().headers("X-Forwarded-Proto").size());
  }

  @Test
  @DisplayName("X-05 a request without a trace header gets Root=1-<epoch hex>-<24 hex>, logged too")
  void newTraceId() throws Exception {
    long before = System.currentTimeMillis() / 1000;
    RawHttp.get(gateway.port(), "/trace-new");
    String trace = backend.last().header("X-Amzn-Trace-Id");
    var matcher = ROOT.matcher(trace);
    assertTrue(matcher.matches(), trace);
    long epoch = Long.parseLong(matcher.group(1), 16);
    assertTrue(Math.abs(epoch - before) <= 2, "epoch " + epoch + " vs " + before);
    assertEquals(trace, gateway.logEntryFor("/trace-new").get("trace_id").asText());
  }

  @Test
  @DisplayName(
      "X-06 incoming Root gets a Self first, an incoming Self is replaced, >7 KB keeps Root only")
  void incomingTraceId() throws Exception {
    String root = "Root=1-67891233-abcdef012345678912345678";
    RawHttp.get(gateway.port(), "/", "X-Amzn-Trace-Id: " + root + ";CalledFrom=app");
    String forwarded = backend.last().header("X-Amzn-Trace-Id");
    assertTrue(
        forwarded.matches("Self=1-[0-9a-f]{8}-[0-9a-f]{24};" + root + ";CalledFrom=app"),
        forwarded);
    RawHttp.get(
        gateway.port(), "/", "X-Amzn-Trace-Id: Self=1-00000000-000000000000000000000000;" + root);
    String replaced = backend.last().header("X-Amzn-Trace-Id");
    assertFalse(replaced.contains("Self=1-00000000"), replaced);
    assertTrue(replaced.endsWith(";" + root), replaced);
    RawHttp.get(
        gateway.port(),
        "/",
        "X-Amzn-Trace-Id: " + root + ";CalledFrom=app",
        "X-Big: " + "x".repeat(7200));
    assertEquals(root, backend.last().header("X-Amzn-Trace-Id"));
  }

  @Test
  @DisplayName(
      "X-07 Host is lower-cased with the listener port added; preserve mode forwards it unchanged")
  void hostRules() throws Exception {
    RawHttp.exchange(gateway.port(), "GET / HTTP/1.1\nHost: Example.COM\n\n");
    assertEquals("example.com:" + gateway.port(), backend.last().header("Host"));
    RawHttp.exchange(gateway.port(), "GET / HTTP/1.1\nHost: Example.com:9999\n\n");
    assertEquals("example.com:9999", backend.last().header("Host"));
    RawHttp.exchange(preserving.port(), "GET / HTTP/1.1\nHost: Example.COM\n\n");
    assertEquals("Example.COM", backend.last().header("Host"));
  }

  @Test
  @DisplayName(
      "X-07 H-02 the Host the target receives and the probe's Host and User-Agent are spelled as ALB"
          + " spells them")
  void headerNamesAsAlbSpellsThem() throws Exception {
    List<String> heads = new CopyOnWriteArrayList<>();
    try (RawBackend target =
        new RawBackend(
            (socket, head) -> {
              heads.add(head);
              RawBackend.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            })) {
      String yaml =
          Configs.forwardTo("", "")
              .replace("HealthCheckPath: /health", "HealthCheckPath: /probe")
              .replace("Targets: []", "Targets: [{Id: 127.0.0.1, Port: " + target.port() + "}]");
      try (RunningGateway named = RunningGateway.start(yaml)) {
        RawHttp.exchange(named.port(), "GET /named HTTP/1.1\nhost: Example.com\n\n");
        RunningGateway.await(
            () -> heads.stream().anyMatch(h -> h.startsWith("GET /probe ")),
            Duration.ofSeconds(5),
            "a health probe");
      }
    }
    String forwarded =
        heads.stream().filter(h -> h.startsWith("GET /named ")).findFirst().orElseThrow();
    assertTrue(forwarded.contains("\r\nHost: example.com:"), forwarded);
    String probe =
        heads.stream().filter(h -> h.startsWith("GET /probe ")).findFirst().orElseThrow();
    assertTrue(probe.contains("\r\nHost: 127.0.0.1:"), probe);
    assertTrue(probe.contains("\r\nUser-Agent: ELB-HealthChecker/2.0\r\n"), probe);
  }

  @Test
  @DisplayName("X-08 HTTP/1.0 without Host reaches the target with the load balancer's DNS name")
  void http10WithoutHost() throws Exception {
    RawHttp.Response response = RawHttp.exchange(gateway.port(), "GET /old HTTP/1.0\n\n");
    assertEquals(200, response.status());
    assertEquals("test-alb.elb.localhost", backend.last().header("Host"));
  }

  @Test
  @DisplayName("X-09 Expect: 100-continue is answered by the load balancer and not forwarded")
  void expectContinue() throws Exception {
    try (RawHttp client = new RawHttp(gateway.port())) {
      client.send(
          "POST /upload HTTP/1.1\nHost: example.com\nContent-Length: 5\nExpect: 100-continue\n\n");
      RawHttp.Response interim = client.read(false);
      assertEquals(100, interim.status());
      client.sendBytes("hello".getBytes());
      assertEquals(200, client.read(false).status());
    }
    assertNull(backend.last().header("Expect"));
    assertEquals("hello", new String(backend.last().body()));
  }

  @Test
  @DisplayName(
      "X-13 header names with underscores pass by default and are dropped with drop_invalid_header_fields")
  void underscoreHeaders() throws Exception {
    RawHttp.get(gateway.port(), "/", "X_Custom: 1");
    assertEquals("1", backend.last().header("X_custom"));
    RawHttp.get(preserving.port(), "/", "X_Custom: 1", "X-Fine: 2");
    assertNull(backend.last().header("X_custom"));
    assertEquals("2", backend.last().header("X-Fine"));
  }

  @Test
  @DisplayName("X-15 repeated Set-Cookie headers from a target all reach the client")
  void repeatedSetCookie() throws Exception {
    backend.respondWith(
        TestBackend.answer(
            200, "ok", Map.of("Set-Cookie", List.of("a=1; Path=/", "b=2; Path=/", "c=3"))));
    RawHttp.Response response = RawHttp.get(gateway.port(), "/");
    assertEquals(List.of("a=1; Path=/", "b=2; Path=/", "c=3"), response.headers("Set-Cookie"));
  }

  @Test
  @DisplayName("X-16 backend connections are reused unless the target says Connection: close")
  void keepAliveToTargets() throws Exception {
    // target connections are pooled per I/O thread, which one client connection stays on
    try (RawHttp client = new RawHttp(gateway.port())) {
      String request = "GET /%s HTTP/1.1\nHost: example.com\n\n";
      client.send(request.formatted("one"));
      client.read(false);
      client.send(request.formatted("two"));
      client.read(false);
      assertEquals(backend.seen().get(0).remotePort(), backend.seen().get(1).remotePort());
      backend.respondWith(TestBackend.answer(200, "bye", Map.of("Connection", List.of("close"))));
      client.send(request.formatted("three"));
      client.read(false);
      backend.respondWith(null);
      client.send(request.formatted("four"));
      client.read(false);
      assertNotEquals(backend.seen().get(2).remotePort(), backend.seen().get(3).remotePort());
    }
  }

  @Test
  @DisplayName("Hop-by-hop headers are not forwarded; a target redirect passes through unchanged")
  void hopByHopAndRedirects() throws Exception {
    RawHttp.get(
        gateway.port(),
        "/",
        "Connection: keep-alive, X-Private",
        "X-Private: secret",
        "Keep-Alive: timeout=5",
        "TE: trailers");
    assertNull(backend.last().header("X-Private"));
    assertNull(backend.last().header("Keep-Alive"));
    assertNull(backend.last().header("TE"));
    backend.respondWith(TestBackend.answer(303, "", Map.of("Location", List.of("/signin"))));
    RawHttp.Response response = RawHttp.get(gateway.port(), "/");
    assertEquals(303, response.status());
    assertEquals("/signin", response.header("Location"));
    assertEquals(1, backend.seen().size() - 1);
  }
}
