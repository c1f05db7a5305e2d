package io.notejam.gateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notejam.gateway.support.RawHttp;
import io.notejam.gateway.support.RunningGateway;
import io.notejam.gateway.support.TestBackend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * forward (weights, group and target stickiness, algorithms), redirect, fixed-response, transforms
 * (spec §3, §4).
 */
class ActionsConformanceTest {
  private static final String NO_CHECKS =
      "Protocol: HTTP, Port: 80, TargetType: ip, HealthCheckEnabled: false";
  private static TestBackend blue;
  private static TestBackend green;
  private static TestBackend gray;
  private static TestBackend[] trio;
  private static RunningGateway gateway;

  private static String rule(int priority, String path, String actions) {
    return "      - Priority: "
        + priority
        + "\n        Conditions: [{Field: path-pattern, PathPatternConfig: {Values: ['"
        + path
        + "']}}]\n        Actions: "
        + actions
        + "\n";
  }

  private static String forward(String groups) {
    return "[{Type: forward, ForwardConfig: {TargetGroups: [" + groups + "]}}]";
  }

  private static String targets(TestBackend... backends) {
    List<String> items = new ArrayList<>();
    for (TestBackend backend : backends) {
      items.add("{Id: 127.0.0.1, Port: " + backend.port() + "}");
    }
    return "[" + String.join(", ", items) + "]";
  }

  @BeforeAll
  static void start() throws Exception {
    blue = new TestBackend("blue");
    green = new TestBackend("green");
    gray = new TestBackend("gray");
    trio =
        new TestBackend[] {
          new TestBackend("one"), new TestBackend("two"), new TestBackend("three")
        };
    String yaml =
        "Name: actions\nListeners:\n  - Port: 8080\n"
            + "    DefaultActions: "
            + forward("{TargetGroupName: blue}")
            + "\n    Rules:\n"
            + rule(
                1,
                "/weighted*",
                forward(
                    "{TargetGroupName: blue, Weight: 1}, {TargetGroupName: green, Weight: 2}, {TargetGroupName: gray, Weight: 0}"))
            + rule(
                2,
                "/sticky-group*",
                "[{Type: forward, ForwardConfig: {TargetGroups: [{TargetGroupName: blue, Weight: 1}, {TargetGroupName: green, Weight: 1}],"
                    + " TargetGroupStickinessConfig: {Enabled: true, DurationSeconds: 3600}}}]")
            + rule(
                3,
                "/secure*",
                "[{Type: redirect, RedirectConfig: {Protocol: HTTPS, Host: '#{host}', Port: '443', Path: '/#{path}', Query: '#{query}', StatusCode: HTTP_301}}]")
            + rule(
                4,
                "/to-https*",
                "[{Type: redirect, RedirectConfig: {Protocol: HTTPS, StatusCode: HTTP_302}}]")
            + rule(
                5,
                "/fixed*",
                "[{Type: fixed-response, FixedResponseConfig: {StatusCode: '418', ContentType: application/json, MessageBody: '{\"teapot\":true}'}}]")
            + "      - Priority: 6\n        Conditions: [{Field: path-pattern, PathPatternConfig: {Values: ['/api/*']}}]\n"
            + "        Actions: "
            + forward("{TargetGroupName: green}")
            + "\n        Transforms: [{Type: url-rewrite, UrlRewriteConfig: {Rewrites: [{Regex: '^/api/(.+)$', Replace: '/$1'}]}}]\n"
            + "      - Priority: 7\n        Conditions: [{Field: path-pattern, PathPatternConfig: {Values: ['/bad/*']}}]\n"
            + "        Actions: "
            + forward("{TargetGroupName: green}")
            + "\n        Transforms: [{Type: url-rewrite, UrlRewriteConfig: {Rewrites: [{Regex: '^/bad/(.*)$', Replace: '$1'}]}}]\n"
            + "      - Priority: 8\n        Conditions: [{Field: path-pattern, PathPatternConfig: {Values: ['/keep/*']}}]\n"
            + "        Actions: "
            + forward("{TargetGroupName: green}")
            + "\n        Transforms: [{Type: url-rewrite, UrlRewriteConfig: {Rewrites: [{Regex: '^/nomatch/(.*)$', Replace: '/$1'}]}}]\n"
            + rule(9, "/rr*", forward("{TargetGroupName: trio}"))
            + rule(10, "/lor*", forward("{TargetGroupName: lor}"))
            + rule(11, "/lb-sticky*", forward("{TargetGroupName: lbsticky}"))
            + rule(12, "/app-sticky*", forward("{TargetGroupName: appsticky}"))
            + rule(13, "/h2*", forward("{TargetGroupName: h2}"))
            + rule(14, "/random*", forward("{TargetGroupName: random}"))
            + "TargetGroups:\n"
            + "  - {Name: blue, "
            + NO_CHECKS
            + ", Targets: "
            + targets(blue)
            + "}\n"
            + "  - {Name: green, "
            + NO_CHECKS
            + ", Targets: "
            + targets(green)
            + "}\n"
            + "  - {Name: gray, "
            + NO_CHECKS
            + ", Targets: "
            + targets(gray)
            + "}\n"
            + "  - {Name: trio, "
            + NO_CHECKS
            + ", Targets: "
            + targets(trio)
            + "}\n"
            + "  - {Name: lor, "
            + NO_CHECKS
            + ", Targets: "
            + targets(blue, green)
            + ","
            + " TargetGroupAttributes: [{Key: load_balancing.algorithm.type, Value: least_outstanding_requests}]}\n"
            + "  - {Name: lbsticky, "
            + NO_CHECKS
            + ", Targets: "
            + targets(trio)
            + ","
            + " TargetGroupAttributes: [{Key: stickiness.enabled, Value: 'true'}, {Key: deregistration_delay.timeout_seconds, Value: '0'}]}\n"
            + "  - {Name: appsticky, "
            + NO_CHECKS
            + ", Targets: "
            + targets(trio)
            + ","
            + " TargetGroupAttributes: [{Key: stickiness.enabled, Value: 'true'}, {Key: stickiness.type, Value: app_cookie},"
            + " {Key: stickiness.app_cookie.cookie_name, Value: SESSION}]}\n"
            + "  - {Name: h2, "
            + NO_CHECKS
            + ", ProtocolVersion: HTTP2, Targets: "
            + targets(blue)
            + "}\n"
            + "  - {Name: random, "
            + NO_CHECKS
            + ", Targets: "
            + targets(trio)
            + ","
            + " TargetGroupAttributes: [{Key: load_balancing.algorithm.type, Value: weighted_random}, {Key: load_balancing.algorithm.anomaly_mitigation, Value: 'on'}]}\n";
    gateway = RunningGateway.start(yaml);
  }

  @AfterAll
  static void stop() {
    gateway.close();
    blue.close();
    green.close();
    gray.close();
    for (TestBackend backend : trio) {
      backend.close();
    }
  }

  @BeforeEach
  void reset() {
    blue.reset();
    green.reset();
    gray.reset();
    for (TestBackend backend : trio) {
      backend.reset();
    }
  }

  /** Sends {@code count} GETs over one keep-alive connection; returns the responses' bodies. */
  private static List<RawHttp.Response> burst(String path, int count, String... headers)
      throws Exception {
    List<RawHttp.Response> responses = new ArrayList<>();
    try (RawHttp client = new RawHttp(gateway.port())) {
      StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\nHost: example.com\n");
      for (String header : headers) {
        request.append(header).append('\n');
      }
      String text = request.append('\n').toString();
      for (int i = 0; i < count; i++) {
        client.send(text);
        responses.add(client.read(false));
      }
    }
    return responses;
  }

  private static Map<String, Integer> countBodies(List<RawHttp.Response> responses) {
    Map<String, Integer> counts = new HashMap<>();
    responses.forEach(r -> counts.merge(r.body(), 1, Integer::sum));
    return counts;
  }

  private static String cookieValue(RawHttp.Response response, String name) {
    for (String cookie : response.headers("Set-Cookie")) {
      if (cookie.startsWith(name + "=")) {
        return cookie.substring(name.length() + 1, cookie.indexOf(';'));
      }
    }
    return null;
  }

  @Test
  @DisplayName("A-01 C-06 forward reaches the group's target with the original path and query")
  void forwardKeepsPath() throws Exception {
    RawHttp.Response response = RawHttp.get(gateway.port(), "/some/page?x=1&y=%20");
    assertEquals("blue", response.body());
    assertEquals("/some/page?x=1&y=%20", blue.last().uri());
  }

  @Test
  @DisplayName("A-02 weights 1:2 split about 1/3 and 2/3; weight 0 gets nothing")
  void weightedForward() throws Exception {
    Map<String, Integer> counts = countBodies(burst("/weighted", 3000));
    int blueCount = counts.getOrDefault("blue", 0);
    int greenCount = counts.getOrDefault("green", 0);
    assertEquals(3000, blueCount + greenCount, counts.toString());
    assertTrue(Math.abs(blueCount - 1000) < 120, counts.toString());
    assertEquals(0, gray.seen().size());
  }

  @Test
  @DisplayName(
      "A-03 group stickiness: AWSALBTG and AWSALBTGCORS pin the group; an invalid cookie re-routes and is logged")
  void groupStickiness() throws Exception {
    RawHttp.Response first = RawHttp.get(gateway.port(), "/sticky-group");
    String cookie = cookieValue(first, "AWSALBTG");
    assertNotNull(cookie, first.headers("Set-Cookie").toString());
    assertEquals(cookie, cookieValue(first, "AWSALBTGCORS"));
    assertTrue(
        first.headers("Set-Cookie").stream()
            .anyMatch(c -> c.startsWith("AWSALBTGCORS=") && c.contains("SameSite=None; Secure")));
    Map<String, Integer> pinned =
        countBodies(burst("/sticky-group", 20, "Cookie: AWSALBTG=" + cookie));
    assertEquals(Map.of(first.body(), 20), pinned);
    RawHttp.Response invalid =
        RawHttp.get(gateway.port(), "/sticky-group-invalid", "Cookie: AWSALBTG=abc%3D%3D");
    assertEquals(200, invalid.status());
    assertEquals(
        "AWSALBTGCookieInvalid",
        gateway.logEntryFor("/sticky-group-invalid").get("error_reason").asText());
  }

  @Test
  @DisplayName("A-04 redirect https://#{host}:443/#{path}?#{query} with 301")
  void redirectWithPlaceholders() throws Exception {
    RawHttp.Response response =
        RawHttp.exchange(
            gateway.port(), "GET /secure/page?a=1 HTTP/1.1\nHost: shop.example.com\n\n");
    assertEquals(301, response.status());
    assertEquals("https://shop.example.com:443/secure/page?a=1", response.header("Location"));
    assertEquals("HTTP/1.1 301 Moved Permanently", response.statusLine());
  }

  @Test
  @DisplayName(
      "A-05 A-06 redirect with only Protocol=HTTPS keeps the port; 302 has ALB's 110-byte page; logged")
  void redirectKeepsPort() throws Exception {
    RawHttp.Response response =
        RawHttp.exchange(gateway.port(), "GET /to-https/x HTTP/1.1\nHost: shop.example.com\n\n");
    assertEquals(
        "https://shop.example.com:" + gateway.port() + "/to-https/x", response.header("Location"));
    assertEquals("HTTP/1.1 302 Moved Temporarily", response.statusLine());
    assertTrue(
        response.headerNames().containsAll(List.of("Location", "Server", "Content-Type")),
        response.headerNames().toString());
    assertEquals("text/html", response.header("Content-Type"));
    assertEquals("awselb/2.0", response.header("Server"));
    assertEquals(110, response.bodyBytes().length);
    assertTrue(response.body().contains("<title>302 Found</title>"));
    var entry = gateway.logEntryFor("/to-https/x");
    assertEquals("redirect", entry.get("actions_executed").asText());
    assertEquals(response.header("Location"), entry.get("redirect_url").asText());
    assertEquals("-", entry.get("target:port").asText());
    assertTrue(
        entry.get("trace_id").asText().matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}"),
        entry.get("trace_id").asText());
  }

  @Test
  @DisplayName(
      "A-08 L-02 fixed-response returns the configured status, type and body; logged without target")
  void fixedResponse() throws Exception {
    RawHttp.Response response = RawHttp.get(gateway.port(), "/fixed");
    assertEquals(418, response.status());
    // a code without a standard phrase gets none, as nginx writes it (not Netty's "Client Error")
    assertEquals("HTTP/1.1 418 ", response.statusLine());
    assertEquals("application/json", response.header("Content-Type"));
    assertEquals("{\"teapot\":true}", response.body());
    var entry = gateway.logEntryFor("/fixed");
    assertEquals("fixed-response", entry.get("actions_executed").asText());
    assertEquals("-", entry.get("target:port").asText());
    assertEquals("-", entry.get("target_status_code").asText());
    assertEquals("5", entry.get("matched_rule_priority").asText());
    // ALB gives every request a trace id, those it answers itself included (§6.3)
    assertTrue(
        entry.get("trace_id").asText().matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}"),
        entry.get("trace_id").asText());
  }

  @Test
  @DisplayName("A-09 url-rewrite delivers the rewritten path and logs transformed_uri")
  void urlRewrite() throws Exception {
    RawHttp.Response response = RawHttp.get(gateway.port(), "/api/users?id=3");
    assertEquals("green", response.body());
    assertEquals("/users?id=3", green.last().uri());
    var entry = gateway.logEntryFor("/api/users");
    assertEquals("/users?id=3", entry.get("transformed_uri").asText());
    assertEquals("6", entry.get("matched_rule_priority").asText());
  }

  @Test
  @DisplayName("A-10 a transform that does not match passes through; one that fails gives 500")
  void transformOutcomes() throws Exception {
    assertEquals("green", RawHttp.get(gateway.port(), "/keep/x").body());
    assertEquals("/keep/x", green.last().uri());
    RawHttp.Response failed = RawHttp.get(gateway.port(), "/bad/x");
    assertEquals(500, failed.status());
    assertEquals("awselb/2.0", failed.header("Server"));
  }

  @Test
  @DisplayName("T-01 round_robin spreads requests evenly (within 1)")
  void roundRobin() throws Exception {
    Map<String, Integer> counts = countBodies(burst("/rr", 30));
    assertEquals(Map.of("one", 10, "two", 10, "three", 10), counts);
  }

  @Test
  @DisplayName("T-02 least_outstanding_requests sends new requests to the least busy target")
  void leastOutstanding() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    TestBackend.Responder slow =
        (exchange, body) -> {
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          TestBackend.answer(200, "slow", Map.of()).respond(exchange, body);
        };
    blue.respondWith(slow);
    green.respondWith(slow);
    try (RawHttp held = new RawHttp(gateway.port())) {
      held.send("GET /lor/held HTTP/1.1\nHost: example.com\n\n");
      RunningGateway.await(
          () -> blue.seen().size() + green.seen().size() == 1,
          java.time.Duration.ofSeconds(5),
          "held request");
      TestBackend busy = blue.seen().isEmpty() ? green : blue;
      TestBackend idle = busy == blue ? green : blue;
      idle.respondWith(null);
      for (int i = 0; i < 5; i++) {
        assertEquals(idle.name(), RawHttp.get(gateway.port(), "/lor/next").body());
      }
      release.countDown();
      assertEquals(200, held.read(false).status());
    } finally {
      release.countDown();
    }
  }

  @Test
  @DisplayName(
      "A target that does not answer holds only its own request: others are served meanwhile")
  void hungTargetBlocksNothingElse() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    blue.respondWith(
        (exchange, body) -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          TestBackend.answer(200, "released", Map.of()).respond(exchange, body);
        });
    try (RawHttp held = new RawHttp(gateway.port())) {
      held.send("GET /held HTTP/1.1\nHost: example.com\n\n");
      RunningGateway.await(
          () -> !blue.seen().isEmpty(),
          java.time.Duration.ofSeconds(5),
          "held request at the target");
      assertEquals(Map.of("one", 4, "two", 4, "three", 4), countBodies(burst("/rr", 12)));
      assertEquals(0, held.socket().getInputStream().available(), "still waiting for its target");
      release.countDown();
      assertEquals("released", held.read(false).body());
    } finally {
      release.countDown();
    }
  }

  @Test
  @DisplayName(
      "T-07 lb_cookie: AWSALB and AWSALBCORS with Expires pin the target, and move off a deregistered one")
  void lbCookie() throws Exception {
    RawHttp.Response first = RawHttp.get(gateway.port(), "/lb-sticky");
    String cookie = cookieValue(first, "AWSALB");
    assertNotNull(cookie, first.headers("Set-Cookie").toString());
    assertTrue(
        first.headers("Set-Cookie").stream()
            .anyMatch(
                c -> c.startsWith("AWSALB=") && c.contains("Expires=") && !c.contains("Max-Age")));
    assertEquals(cookie, cookieValue(first, "AWSALBCORS"));
    assertTrue(first.headerNames().contains("Set-Cookie"), first.headerNames().toString());
    List<RawHttp.Response> pinned = burst("/lb-sticky", 10, "Cookie: AWSALB=" + cookie);
    assertEquals(Map.of(first.body(), 10), countBodies(pinned));
    assertNotNull(cookieValue(pinned.get(9), "AWSALB"), "refreshed on every response");
    TestBackend chosen =
        java.util.Arrays.stream(trio)
            .filter(b -> b.name().equals(first.body()))
            .findFirst()
            .orElseThrow();
    var group = gateway.group("lbsticky");
    group.deregister("127.0.0.1", chosen.port());
    try {
      RawHttp.Response moved =
          RawHttp.get(gateway.port(), "/lb-sticky", "Cookie: AWSALB=" + cookie);
      assertNotEquals(first.body(), moved.body());
      assertNotEquals(cookie, cookieValue(moved, "AWSALB"));
    } finally {
      group.register("127.0.0.1", chosen.port());
    }
  }

  @Test
  @DisplayName(
      "T-08 app_cookie: AWSALBAPP-0 is added when the target sets the named cookie, and pins the target")
  void appCookie() throws Exception {
    for (TestBackend backend : trio) {
      String name = backend.name();
      backend.respondWith(
          TestBackend.answer(200, name, Map.of("Set-Cookie", List.of("SESSION=abc; Path=/"))));
    }
    RawHttp.Response first = RawHttp.get(gateway.port(), "/app-sticky");
    String app = cookieValue(first, "AWSALBAPP-0");
    assertNotNull(app, first.headers("Set-Cookie").toString());
    assertTrue(first.headers("Set-Cookie").contains("SESSION=abc; Path=/"));
    assertEquals(
        Map.of(first.body(), 8),
        countBodies(burst("/app-sticky", 8, "Cookie: SESSION=abc; AWSALBAPP-0=" + app)));
  }

  @Test
  @DisplayName("T-09 an HTTP/1.1 request to an HTTP2 group gives 464")
  void protocolMismatch() throws Exception {
    RawHttp.Response response = RawHttp.get(gateway.port(), "/h2");
    assertEquals(464, response.status());
    assertEquals(0, blue.seen().size());
  }

  @Test
  @DisplayName("T-03 weighted_random with anomaly mitigation is accepted and spreads requests")
  void weightedRandom() throws Exception {
    Map<String, Integer> counts = countBodies(burst("/random", 60));
    assertEquals(3, counts.size(), counts.toString());
  }
}
