package io.notejam.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Host rules for the listener ports a test cannot bind (80, 443). */
class ForwardHeadersTest {

  @Test
  @DisplayName(
      "X-07 listener 80/443 drops the port, other listeners add theirs, names are lower-cased")
  void hostForTarget() {
    assertEquals("example.com", ForwardHeaders.hostForTarget("example.com:80", 80, "alb.local"));
    assertEquals("example.com", ForwardHeaders.hostForTarget("Example.com", 443, "alb.local"));
    assertEquals(
        "example.com:8080", ForwardHeaders.hostForTarget("Example.com", 8080, "alb.local"));
    assertEquals(
        "example.com:9000", ForwardHeaders.hostForTarget("example.com:9000", 8080, "alb.local"));
    assertEquals("[::1]:8080", ForwardHeaders.hostForTarget("[::1]", 8080, "alb.local"));
    assertEquals("alb.local", ForwardHeaders.hostForTarget(null, 80, "alb.local"));
  }

  @Test
  @DisplayName("X-06 trace header rules on their own")
  void traceIds() {
    String root = "Root=1-67891233-abcdef012345678912345678";
    assertEquals(root, TraceIds.forward(root + ";Self=1-00000000-000000000000000000000000", true));
    String forwarded = TraceIds.forward("CalledFrom=app;" + root, false);
    assertEquals(
        true,
        forwarded.matches("Self=1-[0-9a-f]{8}-[0-9a-f]{24};CalledFrom=app;" + root),
        forwarded);
  }
}
