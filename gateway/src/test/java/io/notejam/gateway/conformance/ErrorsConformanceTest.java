package io.notejam.gateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notejam.gateway.support.Configs;
import io.notejam.gateway.support.RawBackend;
import io.notejam.gateway.support.RawHttp;
import io.notejam.gateway.support.RunningGateway;
import io.notejam.gateway.support.TestBackend;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Responses the load balancer generates (spec §7): one listener, one rule per misbehaving target,
 * idle timeout 1 s so timeouts are quick.
 */
class ErrorsConformanceTest {
  private static final String PAGE_502 =
      "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";
  private static final List<AutoCloseable> OPEN = new ArrayList<>();
  private static TestBackend good;
  private static int refusedPort;
  private static ServerSocket fullBacklog;
  private static RunningGateway gateway;

  private static String route(int priority, String path, String group) {
    return "      - Priority: "
        + priority
        + "\n        Conditions: [{Field: path-pattern, PathPatternConfig: {Values: ['"
        + path
        + "']}}]\n        Actions: [{Type: forward, ForwardConfig: {TargetGroups: [{TargetGroupName: "
        + group
        + "}]}}]\n";
  }

  private static String group(String name, int port) {
    return "  - {Name: "
        + name
        + ", Protocol: HTTP, Port: "
        + port
        + ", TargetType: ip, HealthCheckEnabled: false"
        + (port > 0 ? ", Targets: [{Id: 127.0.0.1}]" : "")
        + "}\n";
  }

  private static int raw(RawBackend.Behaviour behaviour) throws Exception {
    RawBackend backend = new RawBackend(behaviour);
    OPEN.add(backend);
    return backend.port();
  }

  @BeforeAll
  static void start() throws Exception {
    good = new TestBackend("good");
    OPEN.add(good);
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      refusedPort = probe.getLocalPort();
    }
    int closes = raw((socket, head) -> socket.close());
    int resets =
        raw(
            (socket, head) -> {
              socket.setSoLinger(true, 0);
              socket.close();
            });
    int garbage =
        raw((socket, head) -> RawBackend.write(socket, "HTTP/1.1 ABC\r\nNot a header\r\n\r\n"));
    int hangs = raw((socket, head) -> Thread.sleep(5000));
    int shortBody =
        raw(
            (socket, head) -> {
              RawBackend.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part");
              Thread.sleep(5000);
            });
    int hugeHeaders =
        raw(
            (socket, head) ->
                RawBackend.write(
                    socket,
                    "HTTP/1.1 200 OK\r\nX-Big: "
                        + "y".repeat(33 * 1024)
                        + "\r\nContent-Length: 0\r\n\r\n"));
    int badStatus =
        raw(
            (socket, head) ->
                RawBackend.write(socket, "HTTP/1.1 2000 OK\r\nContent-Length: 2\r\n\r\nok"));
    int spaceInName =
        raw(
            (socket, head) ->
                RawBackend.write(
                    socket, "HTTP/1.1 200 OK\r\nBad Name: x\r\nContent-Length: 2\r\n\r\nok"));
    fullBacklog = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    for (int i = 0; i < 5; i++) {
      // fill the accept queue until a connect hangs: further SYNs are dropped
      Socket filler = new Socket();
      OPEN.add(filler);
      try {
        filler.connect(fullBacklog.getLocalSocketAddress(), 200);
      } catch (java.net.SocketTimeoutException full) {
        break;
      }
    }
    String yaml =
        "Name: errors\n"
            + "LoadBalancerAttributes: [{Key: idle_timeout.timeout_seconds, Value: '1'}]\n"
            + "Listeners:\n  - Port: 8080\n"
            + "    DefaultActions: [{Type: forward, ForwardConfig: {TargetGroups: [{TargetGroupName: good}]}}]\n"
            + "    Rules:\n"
            + route(1, "/refused*", "refused")
            + route(2, "/closes*", "closes")
            + route(3, "/resets*", "resets")
            + route(4, "/garbage*", "garbage")
            + route(5, "/hangs*", "hangs")
            + route(6, "/short*", "short")
            + route(7, "/huge*", "huge")
            + route(8, "/empty*", "empty")
            + route(9, "/blackhole*", "blackhole")
            + route(10, "/bad-status*", "bad-status")
            + route(11, "/space-in-name*", "space-in-name")
            + "TargetGroups:\n"
            + group("good", good.port())
            + group("refused", refusedPort)
            + group("closes", closes)
            + group("resets", resets)
            + group("garbage", garbage)
            + group("hangs", hangs)
            + group("short", shortBody)
            + group("huge", hugeHeaders)
            + "  - {Name: empty, Protocol: HTTP, Port: 80, TargetType: ip}\n"
            + group("blackhole", fullBacklog.getLocalPort())
            + group("bad-status", badStatus)
            + group("space-in-name", spaceInName);
    gateway = RunningGateway.start(yaml);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    for (AutoCloseable closeable : OPEN) {
      closeable.close();
    }
    fullBacklog.close();
  }

  private static void assertAlbPage(RawHttp.Response response, int status, String title) {
    assertEquals(status, response.status());
    // spelled as ALB writes them, for clients comparing header lines byte for byte
    assertTrue(
        response
            .headerNames()
            .containsAll(List.of("Server", "Date", "Content-Type", "Content-Length", "Connection")),
        response.headerNames().toString());
    assertEquals("awselb/2.0", response.header("Server"));
    assertEquals("text/html", response.header("Content-Type"));
    assertEquals(
        "<html>\r\n<head><title>"
            + title
            + "</title></head>\r\n<body>\r\n<center><h1>"
            + title
            + "</h1></center>\r\n</body>\r\n</html>\r\n",
        response.body());
    assertEquals(Integer.toString(response.bodyBytes().length), response.header("Content-Length"));
  }

  @Test
  @DisplayName("E-01 a target refusing the connection gives 502; L-03 the log shows -1 times")
  void refused() throws Exception {
    RawHttp.Response response = RawHttp.get(gateway.port(), "/refused");
    assertAlbPage(response, 502, "502 Bad Gateway");
    var entry = gateway.logEntryFor("/refused");
    assertEquals("502", entry.get("elb_status_code").asText());
    assertEquals("-", entry.get("target_status_code").asText());
    assertEquals("-1", entry.get("request_processing_time").asText());
    assertEquals("-1", entry.get("target_processing_time").asText());
  }

  @Test
  @DisplayName("E-02 a target closing (FIN or RST) with the request outstanding gives 502")
  void closedMidRequest() throws Exception {
    assertAlbPage(RawHttp.get(gateway.port(), "/closes"), 502, "502 Bad Gateway");
    assertAlbPage(RawHttp.get(gateway.port(), "/resets"), 502, "502 Bad Gateway");
  }

  @Test
  @DisplayName("E-03 E-09 a malformed target response gives the 122-byte 502 page")
  void malformedResponse() throws Exception {
    RawHttp.Response response = RawHttp.get(gateway.port(), "/garbage");
    assertAlbPage(response, 502, "502 Bad Gateway");
    assertEquals(122, response.bodyBytes().length);
    assertEquals(PAGE_502, response.body());
    assertEquals("HTTP/1.1 502 Bad Gateway", response.statusLine());
  }

  @Test
  @DisplayName(
      "E-03 a status code that is not three digits, or a header name with a space, gives 502")
  void invalidStatusCodeOrHeaderName() throws Exception {
    assertAlbPage(RawHttp.get(gateway.port(), "/bad-status"), 502, "502 Bad Gateway");
    assertAlbPage(RawHttp.get(gateway.port(), "/space-in-name"), 502, "502 Bad Gateway");
  }

  @Test
  @DisplayName("E-04 a target silent past the idle timeout gives 504")
  void idleTimeout() throws Exception {
    long start = System.nanoTime();
    RawHttp.Response response = RawHttp.get(gateway.port(), "/hangs");
    assertAlbPage(response, 504, "504 Gateway Time-out");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis >= 900 && millis < 4000, "took " + millis + " ms");
  }

  @Test
  @DisplayName("E-05 a connect not made within 10 s gives 504")
  void connectTimeout() throws Exception {
    assertAlbPage(RawHttp.get(gateway.port(), "/blackhole"), 504, "504 Gateway Time-out");
  }

  @Test
  @DisplayName("E-06 a body shorter than Content-Length ends in a cut connection logged 504")
  void shortBody() throws Exception {
    try (RawHttp client = new RawHttp(gateway.port())) {
      client.send("GET /short HTTP/1.1\nHost: example.com\n\n");
      byte[] received = client.socket().getInputStream().readAllBytes();
      String text = new String(received);
      assertTrue(text.startsWith("HTTP/1.1 200 OK"), text);
      assertTrue(text.endsWith("only part"), text);
    }
    assertEquals("504", gateway.logEntryFor("/short").get("elb_status_code").asText());
  }

  @Test
  @DisplayName("E-07 a client closing before the response is logged with elb_status 460")
  void clientCloses() throws Exception {
    try (RawHttp client = new RawHttp(gateway.port())) {
      client.send("GET /hangs-client-gone HTTP/1.1\nHost: example.com\n\n");
      Thread.sleep(200);
    }
    var entry = gateway.logEntryFor("/hangs-client-gone");
    assertEquals("460", entry.get("elb_status_code").asText());
  }

  @Test
  @DisplayName("E-08 a client sending nothing within the idle timeout gets 408")
  void clientSilent() throws Exception {
    try (RawHttp client = new RawHttp(gateway.port())) {
      RawHttp.Response response = client.read(false);
      assertAlbPage(response, 408, "408 Request Time-out");
      assertEquals("HTTP/1.1 408 Request Timeout", response.statusLine());
    }
  }

  @Test
  @DisplayName("E-10 a target's own 5xx is relayed unchanged and logged with equal statuses")
  void targetErrorsRelayed() throws Exception {
    good.respondWith(
        TestBackend.answer(500, "app broke", Map.of("Content-Type", List.of("text/plain"))));
    try {
      RawHttp.Response response = RawHttp.get(gateway.port(), "/app-error");
      assertEquals(500, response.status());
      assertEquals("app broke", response.body());
      var entry = gateway.logEntryFor("/app-error");
      assertEquals("500", entry.get("elb_status_code").asText());
      assertEquals("500", entry.get("target_status_code").asText());
    } finally {
      good.respondWith(null);
    }
  }

  @Test
  @DisplayName("H-08 E-09 a group without targets gives the 162-byte 503 page")
  void noTargets() throws Exception {
    RawHttp.Response response = RawHttp.get(gateway.port(), "/empty");
    assertAlbPage(response, 503, "503 Service Temporarily Unavailable");
    assertEquals(162, response.bodyBytes().length);
  }

  @Test
  @DisplayName(
      "X-10 request line or header of 16 KB, or headers over 64 KB, give 400; response headers over 32 KB give 502")
  void sizeLimits() throws Exception {
    assertAlbPage(RawHttp.get(gateway.port(), "/" + "a".repeat(16 * 1024)), 400, "400 Bad Request");
    assertEquals(200, RawHttp.get(gateway.port(), "/" + "a".repeat(15 * 1024)).status());
    assertAlbPage(
        RawHttp.get(gateway.port(), "/", "X-Big: " + "b".repeat(16 * 1024)),
        400,
        "400 Bad Request");
    String[] many = new String[6];
    for (int i = 0; i < many.length; i++) {
      many[i] = "X-Part-" + i + ": " + "c".repeat(12 * 1024);
    }
    assertAlbPage(RawHttp.get(gateway.port(), "/", many), 400, "400 Bad Request");
    assertAlbPage(RawHttp.get(gateway.port(), "/huge"), 502, "502 Bad Gateway");
  }

  @Test
  @DisplayName("X-11 TRACE gives 405")
  void trace() throws Exception {
    RawHttp.Response response =
        RawHttp.exchange(gateway.port(), "TRACE / HTTP/1.1\nHost: example.com\n\n");
    assertAlbPage(response, 405, "405 Not Allowed");
  }

  @Test
  @DisplayName("X-12 Transfer-Encoding gzip gives 501; chunked is accepted")
  void transferEncoding() throws Exception {
    RawHttp.Response gzip =
        RawHttp.exchange(
            gateway.port(), "POST / HTTP/1.1\nHost: example.com\nTransfer-Encoding: gzip\n\n");
    assertAlbPage(gzip, 501, "501 Not Implemented");
    RawHttp.Response chunked =
        RawHttp.exchange(
            gateway.port(),
            "POST /chunked HTTP/1.1\nHost: example.com\nTransfer-Encoding: chunked\n\n5\nhello\n0\n\n");
    assertEquals(200, chunked.status());
    assertEquals("hello", new String(good.last().body()));
  }

  @Test
  @DisplayName(
      "X-14 TE and CL together are forwarded then the connection closed; two different CL give 400")
  void desync() throws Exception {
    try (RawHttp client = new RawHttp(gateway.port())) {
      client.send(
          "POST /both HTTP/1.1\nHost: example.com\nContent-Length: 5\nTransfer-Encoding: chunked\n\n5\nhello\n0\n\n");
      RawHttp.Response response = client.read(false);
      assertEquals(200, response.status());
      assertEquals("close", response.header("Connection"));
      assertTrue(client.closedByPeer());
    }
    assertEquals("Ambiguous", gateway.logEntryFor("/both").get("classification").asText());
    // the target connection is closed too: no later request reuses it (the pool of the I/O thread
    // that served /both hands out its newest connection first; new client connections alternate
    // between the two I/O threads)
    int ambiguousPort = good.last().remotePort();
    for (int i = 0; i < 3; i++) {
      assertEquals(200, RawHttp.get(gateway.port(), "/after-both").status());
      assertTrue(good.last().remotePort() != ambiguousPort, "target connection reused");
    }
    RawHttp.Response twoLengths =
        RawHttp.exchange(
            gateway.port(),
            "POST /cl HTTP/1.1\nHost: example.com\nContent-Length: 5\nContent-Length: 6\n\nhello!");
    assertAlbPage(twoLengths, 400, "400 Bad Request");
  }

  @Test
  @DisplayName(
      "§6.9 X-14 desync modes: strictest blocks TE+CL with 400; monitor forwards it keeping the"
          + " connection, and lets chunked-twice through")
  void desyncModes() throws Exception {
    String both =
        "POST /both-mode HTTP/1.1\nHost: example.com\nContent-Length: 5\nTransfer-Encoding: chunked\n\n5\nhello\n0\n\n";
    try (RunningGateway strictest =
        RunningGateway.start(
            Configs.forwardTo(
                "{Key: routing.http.desync_mitigation_mode, Value: strictest}", "", good))) {
      assertAlbPage(RawHttp.exchange(strictest.port(), both), 400, "400 Bad Request");
    }
    try (RunningGateway monitor =
        RunningGateway.start(
            Configs.forwardTo(
                "{Key: routing.http.desync_mitigation_mode, Value: monitor}", "", good))) {
      try (RawHttp client = new RawHttp(monitor.port())) {
        client.send(both);
        RawHttp.Response response = client.read(false);
        assertEquals(200, response.status());
        assertTrue(response.header("Connection") == null, response.header("Connection"));
      }
      assertEquals("Ambiguous", monitor.logEntryFor("/both-mode").get("classification").asText());
      RawHttp.Response twice =
          RawHttp.exchange(
              monitor.port(),
              "POST /twice-mode HTTP/1.1\nHost: example.com\nTransfer-Encoding: chunked, chunked\n\n5\nhello\n0\n\n");
      assertEquals(200, twice.status());
      assertEquals("Severe", monitor.logEntryFor("/twice-mode").get("classification").asText());
    }
  }

  @Test
  @DisplayName("§6.9 X-14 chunked given twice (MultipleTransferEncodingChunked, Severe) gives 400")
  void chunkedTwice() throws Exception {
    RawHttp.Response response =
        RawHttp.exchange(
            gateway.port(),
            "POST /chunked-twice HTTP/1.1\nHost: example.com\nTransfer-Encoding: chunked, chunked\n\n5\nhello\n0\n\n");
    assertAlbPage(response, 400, "400 Bad Request");
    var entry = gateway.logEntryFor("/chunked-twice");
    assertEquals("Severe", entry.get("classification").asText());
    assertEquals("MultipleTransferEncodingChunked", entry.get("classification_reason").asText());
  }

  @Test
  @DisplayName("X-12 E-09 a request sent behind one answered with a closing error page is dropped")
  void nothingAnsweredAfterClosingPage() throws Exception {
    try (RawHttp client = new RawHttp(gateway.port())) {
      client.send(
          "POST / HTTP/1.1\nHost: example.com\nTransfer-Encoding: gzip\n\n"
              + "GET /after-close HTTP/1.1\nHost: example.com\n\n");
      assertAlbPage(client.read(false), 501, "501 Not Implemented");
      assertTrue(client.closedByPeer());
    }
    Thread.sleep(500);
    assertTrue(
        gateway.logEntries().stream()
            .noneMatch(e -> e.get("request").asText().contains("/after-close")),
        "a request after the closing page was dispatched");
  }

  @Test
  @DisplayName("§7.1 a request-target that is not /path, http://… or OPTIONS * gives 400")
  void malformedRequestTarget() throws Exception {
    assertAlbPage(
        RawHttp.exchange(gateway.port(), "GET relative HTTP/1.1\nHost: example.com\n\n"),
        400,
        "400 Bad Request");
    assertEquals(
        "BadUri", gateway.logEntryFor("relative HTTP").get("classification_reason").asText());
    assertEquals(
        200,
        RawHttp.exchange(gateway.port(), "GET http://example.com/absolute HTTP/1.1\n\n").status());
  }

  @Test
  @DisplayName("§7.1 the HTTP/2 preface or another major version on an HTTP/1 listener gives 505")
  void unsupportedVersion() throws Exception {
    RawHttp.Response preface = RawHttp.exchange(gateway.port(), "PRI * HTTP/2.0\n\nSM\n\n");
    assertAlbPage(preface, 505, "505 HTTP Version Not Supported");
    RawHttp.Response two =
        RawHttp.exchange(gateway.port(), "GET /two HTTP/2.0\nHost: example.com\n\n");
    assertAlbPage(two, 505, "505 HTTP Version Not Supported");
  }
}
