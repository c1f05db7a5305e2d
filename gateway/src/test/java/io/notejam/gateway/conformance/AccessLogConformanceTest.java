package io.notejam.gateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notejam.gateway.accesslog.AccessLogLine;
import io.notejam.gateway.support.Configs;
import io.notejam.gateway.support.RawHttp;
import io.notejam.gateway.support.RunningGateway;
import io.notejam.gateway.support.TestBackend;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ALB access-log format and its JSON twin (spec §8). */
class AccessLogConformanceTest {
  private static TestBackend backend;
  private static RunningGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    backend = new TestBackend("logged");
    gateway = RunningGateway.start(Configs.forwardTo("", "", backend));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    backend.close();
  }

  private static Map<String, String> albLineFor(String fragment) throws Exception {
    gateway.logEntryFor(fragment);
    for (String line : gateway.logLines()) {
      Map<String, String> fields = AccessLogLine.parse(line);
      if (fields.get("request").contains(fragment)) {
        return fields;
      }
    }
    throw new AssertionError("no ALB line for " + fragment);
  }

  @Test
  @DisplayName("L-01 one line per request, 33 fields in order, quoted as ALB quotes them")
  void lineFormat() throws Exception {
    RawHttp.get(gateway.port(), "/format?q=1", "User-Agent: curl/8.0 (test run)");
    Map<String, String> fields = albLineFor("/format?q=1");
    String raw =
        gateway.logLines().stream()
            .filter(l -> l.contains("/format?q=1"))
            .findFirst()
            .orElseThrow();
    assertTrue(raw.startsWith("http 20"), raw);
    assertTrue(
        raw.contains(
            " \"GET http://example.com:"
                + gateway.port()
                + "/format?q=1 HTTP/1.1\" \"curl/8.0 (test run)\" - - arn:aws:elasticloadbalancing:"),
        raw);
    assertEquals("http", fields.get("type"));
    assertTrue(fields.get("elb").startsWith("app/test-alb/"));
    assertTrue(fields.get("client:port").startsWith("127.0.0.1:"));
    assertEquals("127.0.0.1:" + backend.port(), fields.get("target:port"));
    assertEquals("200", fields.get("elb_status_code"));
    assertEquals("200", fields.get("target_status_code"));
    assertEquals("forward", fields.get("actions_executed"));
    assertEquals("0", fields.get("matched_rule_priority"));
    assertEquals(fields.get("target:port"), fields.get("target:port_list"));
    assertEquals(fields.get("target_status_code"), fields.get("target_status_code_list"));
    assertTrue(fields.get("conn_trace_id").startsWith("TID_"));
    assertTrue(fields.get("request_processing_time").matches("\\d+\\.\\d{3}"));
    assertTrue(Long.parseLong(fields.get("received_bytes")) > 0);
    assertTrue(Long.parseLong(fields.get("sent_bytes")) > 0);
    assertEquals(fields.get("trace_id"), backend.last().header("X-Amzn-Trace-Id"));
  }

  @Test
  @DisplayName("L-01 sent_bytes is what the client received, head included (forward and ALB page)")
  void sentBytes() throws Exception {
    for (String request :
        new String[] {
          "GET /sent-forward HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n",
          "TRACE /sent-page HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n"
        }) {
      int received;
      try (RawHttp client = new RawHttp(gateway.port())) {
        client.send(request);
        received = client.socket().getInputStream().readAllBytes().length;
      }
      String path = request.substring(request.indexOf(' ') + 1, request.indexOf(" HTTP/"));
      assertEquals(
          Integer.toString(received), gateway.logEntryFor(path).get("sent_bytes").asText(), path);
    }
  }

  @Test
  @DisplayName(
      "L-04 request holds METHOD scheme://host:port/uri HTTP/x.y; user_agent is cut at 8 KB")
  void requestAndUserAgent() throws Exception {
    String agent = "a".repeat(9000);
    RawHttp.get(gateway.port(), "/agent", "User-Agent: " + agent);
    Map<String, String> fields = albLineFor("/agent");
    assertEquals(
        "GET http://example.com:" + gateway.port() + "/agent HTTP/1.1", fields.get("request"));
    assertEquals(8192, fields.get("user_agent").length());
  }

  @Test
  @DisplayName(
      "L-05 time and request_creation_time are ISO-8601 with microseconds, time >= creation")
  void timestamps() throws Exception {
    RawHttp.get(gateway.port(), "/times");
    Map<String, String> fields = albLineFor("/times");
    String pattern = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";
    assertTrue(fields.get("time").matches(pattern), fields.get("time"));
    assertTrue(fields.get("request_creation_time").matches(pattern));
    assertFalse(
        Instant.parse(fields.get("time"))
            .isBefore(Instant.parse(fields.get("request_creation_time"))));
  }

  @Test
  @DisplayName("L-06 the log reader ignores extra trailing fields")
  void readerIgnoresTrailingFields() throws Exception {
    RawHttp.get(gateway.port(), "/trailing");
    albLineFor("/trailing");
    String line =
        gateway.logLines().stream().filter(l -> l.contains("/trailing")).findFirst().orElseThrow();
    Map<String, String> withExtra = AccessLogLine.parse(line + " 10.0.0.9 \"future field\"");
    assertEquals(AccessLogLine.parse(line), withExtra);
    assertEquals(33, withExtra.size());
  }

  @Test
  @DisplayName("The JSON twin carries the same fields as the ALB line")
  void jsonTwin() throws Exception {
    RawHttp.get(gateway.port(), "/twin");
    Map<String, String> fields = albLineFor("/twin");
    var json = gateway.logEntryFor("/twin");
    for (Map.Entry<String, String> field : fields.entrySet()) {
      assertEquals(field.getValue(), json.get(field.getKey()).asText(), field.getKey());
    }
  }
}
