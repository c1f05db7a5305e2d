package io.notejam.gateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.notejam.gateway.support.RawHttp;
import io.notejam.gateway.support.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rule evaluation and condition semantics (spec §1, §2). Each rule answers a fixed response naming
 * its priority, so the body says which rule won.
 */
class RoutingConformanceTest {
  private static RunningGateway gateway;

  private static String rule(int priority, String conditions) {
    return "      - Priority: "
        + priority
        + "\n        Conditions: "
        + conditions
        + "\n        Actions: [{Type: fixed-response, FixedResponseConfig: {StatusCode: '200', ContentType: text/plain, MessageBody: p"
        + priority
        + "}}]\n";
  }

  private static String path(String... values) {
    return "{Field: path-pattern, PathPatternConfig: {Values: ['"
        + String.join("', '", values)
        + "']}}";
  }

  @BeforeAll
  static void start() throws Exception {
    String yaml =
        "Name: routing\nListeners:\n  - Port: 8080\n"
            + "    DefaultActions: [{Type: fixed-response, FixedResponseConfig: {StatusCode: '404', ContentType: text/plain, MessageBody: default}}]\n"
            + "    Rules:\n"
            + rule(2, "[" + path("/first/*", "/second/*") + "]")
            + rule(1, "[" + path("/first/*") + "]")
            + rule(3, "[" + path("/api/*") + "]")
            + rule(4, "[" + path("/a/*/c") + "]")
            + rule(5, "[" + path("/v?/x") + "]")
            + rule(6, "[" + path("/img/*") + "]")
            + rule(7, "[" + path("/a?b") + "]")
            + rule(
                8,
                "[{Field: host-header, HostHeaderConfig: {Values: ['*.Example.COM']}}, "
                    + path("/host-test")
                    + "]")
            + rule(
                9,
                "[{Field: http-header, HttpHeaderConfig: {HttpHeaderName: x-ENV, Values: ['pro?', 'STAG*']}}]")
            + rule(
                10,
                "[{Field: http-request-method, HttpRequestMethodConfig: {Values: [GET]}}, "
                    + path("/method-test")
                    + "]")
            + rule(
                11,
                "[{Field: query-string, QueryStringConfig: {Values: [{Key: version, Value: 'v1'}, {Value: '\\*literal'}]}}, "
                    + path("/query-test")
                    + "]")
            + rule(
                12,
                "[{Field: source-ip, SourceIpConfig: {Values: ['127.0.0.0/8', '::1/128']}}, "
                    + path("/source-test")
                    + "]")
            + rule(
                13,
                "[{Field: source-ip, SourceIpConfig: {Values: ['10.0.0.0/8']}}, "
                    + path("/source-other")
                    + "]")
            + rule(
                14,
                "["
                    + path("/and/*")
                    + ", {Field: http-header, HttpHeaderConfig: {HttpHeaderName: X-A, Values: ['yes']}}]")
            + rule(
                15, "[{Field: path-pattern, PathPatternConfig: {RegexValues: ['^/re/[0-9]+$']}}]")
            + rule(
                16,
                "[{Field: http-header, HttpHeaderConfig: {HttpHeaderName: X-Re, RegexValues: ['^id-[a-f]+$']}}]")
            + rule(
                17,
                "[{Field: host-header, HostHeaderConfig: {Values: ['api.example.com']}}, "
                    + path("/hostport")
                    + "]")
            + rule(
                18,
                "[{Field: host-header, HostHeaderConfig: {RegexValues: ['^tenant-[0-9]+\\.example\\.com$']}}]");
    gateway = RunningGateway.start(yaml);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static String winner(String path, String... headers) throws Exception {
    return RawHttp.get(gateway.port(), path, headers).body();
  }

  private static String winnerWithHost(String host, String path) throws Exception {
    return RawHttp.exchange(gateway.port(), "GET " + path + " HTTP/1.1\nHost: " + host + "\n\n")
        .body();
  }

  @Test
  @DisplayName("R-01 rules run in ascending priority and the first match wins")
  void lowestPriorityFirst() throws Exception {
    assertEquals("p1", winner("/first/x"));
    assertEquals("p2", winner("/second/x"));
  }

  @Test
  @DisplayName("R-02 R-10 the default rule answers unmatched requests and logs priority 0")
  void defaultRule() throws Exception {
    RawHttp.Response response = RawHttp.get(gateway.port(), "/nothing/matches/this");
    assertEquals(404, response.status());
    assertEquals("default", response.body());
    assertEquals(
        "0", gateway.logEntryFor("/nothing/matches/this").get("matched_rule_priority").asText());
    assertEquals("1", gateway.logEntryFor("/first/x").get("matched_rule_priority").asText());
  }

  @Test
  @DisplayName("R-05 conditions are AND-ed, values OR-ed")
  void andAcrossConditions() throws Exception {
    assertEquals("p14", winner("/and/x", "X-A: yes"));
    assertEquals("default", winner("/and/x", "X-A: no"));
    assertEquals("default", winner("/and/x"));
  }

  @Test
  @DisplayName("C-01 path-pattern is case-sensitive")
  void pathCaseSensitive() throws Exception {
    assertEquals("p3", winner("/api/x"));
    assertEquals("default", winner("/API/x"));
  }

  @Test
  @DisplayName("C-02 path-pattern ignores the query string")
  void pathIgnoresQuery() throws Exception {
    assertEquals("p6", winner("/img/a.png?x=1"));
    assertEquals("default", winner("/a?b"));
    assertEquals("p7", winner("/axb"));
  }

  @Test
  @DisplayName("C-03 * matches across /")
  void starCrossesSlashes() throws Exception {
    assertEquals("p4", winner("/a/b/x/c"));
  }

  @Test
  @DisplayName("C-04 ? matches exactly one character")
  void questionMarkIsOneCharacter() throws Exception {
    assertEquals("p5", winner("/v1/x"));
    assertEquals("default", winner("/v10/x"));
  }

  @Test
  @DisplayName("C-05 matching is anchored")
  void anchored() throws Exception {
    assertEquals("default", winner("/img"));
    assertEquals("default", winner("/x/img/a"));
  }

  @Test
  @DisplayName("C-07 host-header is case-insensitive and *.example.com does not match example.com")
  void hostHeader() throws Exception {
    assertEquals("p8", winnerWithHost("api.example.com", "/host-test"));
    assertEquals("p8", winnerWithHost("API.EXAMPLE.com", "/host-test"));
    assertEquals("default", winnerWithHost("example.com", "/host-test"));
  }

  @Test
  @DisplayName("C-08 host-header matching ignores a :port in Host")
  void hostWithPort() throws Exception {
    assertEquals("p17", winnerWithHost("api.example.com:8080", "/hostport"));
  }

  @Test
  @DisplayName(
      "C-09 http-header: name and value case-insensitive, wildcards, any occurrence, absent never")
  void httpHeader() throws Exception {
    assertEquals("p9", winner("/h", "X-Env: prod"));
    assertEquals("p9", winner("/h", "x-env: Staging"));
    assertEquals("p9", winner("/h", "X-Env: dev", "X-Env: prod"));
    assertEquals("default", winner("/h", "X-Env: production"));
    assertEquals("default", winner("/h"));
  }

  @Test
  @DisplayName("C-10 http-request-method is case-sensitive")
  void methodCaseSensitive() throws Exception {
    assertEquals("p10", winner("/method-test"));
    String lower =
        RawHttp.exchange(gateway.port(), "get /method-test HTTP/1.1\nHost: example.com\n\n").body();
    assertEquals("default", lower);
  }

  @Test
  @DisplayName("C-11 query-string: case-insensitive, keyless pairs, \\* literal, pairs OR-ed")
  void queryString() throws Exception {
    assertEquals("p11", winner("/query-test?version=V1"));
    assertEquals("p11", winner("/query-test?a=1&VERSION=v1"));
    assertEquals("p11", winner("/query-test?anything=*literal"));
    assertEquals("default", winner("/query-test?anything=xliteral"));
    assertEquals("default", winner("/query-test?version=v2"));
    assertEquals("default", winner("/query-test"));
  }

  @Test
  @DisplayName("C-12 source-ip matches the TCP peer, never X-Forwarded-For")
  void sourceIp() throws Exception {
    assertEquals("p12", winner("/source-test"));
    assertEquals("default", winner("/source-other", "X-Forwarded-For: 10.1.2.3"));
  }

  @Test
  @DisplayName("C-12 an IPv6 CIDR matches an IPv6 TCP peer and not an IPv4 one")
  void sourceIpV6() throws Exception {
    String yaml =
        "Name: routing-v6\nListeners:\n  - Port: 8080\n"
            + "    DefaultActions: [{Type: fixed-response, FixedResponseConfig: {StatusCode: '200', ContentType: text/plain, MessageBody: default}}]\n"
            + "    Rules:\n"
            + rule(1, "[{Field: source-ip, SourceIpConfig: {Values: ['::1/128']}}]");
    try (RunningGateway dualStack = RunningGateway.start(yaml, "::")) {
      String request = "GET /x HTTP/1.1\nHost: example.com\n\n";
      try (RawHttp v6 = new RawHttp("::1", dualStack.port())) {
        v6.send(request);
        assertEquals("p1", v6.read(false).body());
      }
      try (RawHttp v4 = new RawHttp("127.0.0.1", dualStack.port())) {
        v4.send(request);
        assertEquals("default", v4.read(false).body());
      }
    }
  }

  @Test
  @DisplayName("C-13 control characters in header values never match wildcard conditions")
  void controlCharacters() throws Exception {
    assertEquals("default", winner("/h", "X-Env: stag\tx"));
  }

  @Test
  @DisplayName("C-14 RegexValues on path, header and host")
  void regexValues() throws Exception {
    assertEquals("p15", winner("/re/123"));
    assertEquals("default", winner("/re/12a"));
    assertEquals("p16", winner("/h", "X-Re: id-abc"));
    assertEquals("p18", winnerWithHost("tenant-42.example.com", "/anything"));
  }
}
