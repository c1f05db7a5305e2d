package io.notejam.express;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Request targets that java.net.URI refuses (a broken escape, a raw {@code |}) were a 500 on every
 * route. Now as the original answers them: read as they are in the query, the original's 400 (with
 * the HTML page, fix 8.18) for an undecodable path under {@code /express}, else a 404. Raw sockets,
 * since HTTP clients refuse to send such targets.
 */
@MicronautTest
class BrokenTargetsTest extends ServiceTest {

  @Test
  void aBrokenEscapeOrARawBarInTheQueryIsReadAsItIs() throws IOException {
    for (String target :
        new String[] {
          "/express/signin?q=%zz", "/express/signin?q=a|b", "/express/signin?a=%C3%28"
        }) {
      String answer = exchange("GET", target);
      assertTrue(answer.startsWith("HTTP/1.1 200 "), target + ": " + statusLine(answer));
      assertTrue(answer.contains("<title>Sign In</title>"), target);
    }
  }

  @Test
  void anUndecodablePathUnderExpressIsTheBadRequestPage() throws IOException {
    for (String request :
        new String[] {
          "GET /express/sign%zzin",
          "HEAD /express/notes/%zz",
          "GET /express/pads/1/%zz",
          "POST /express/notes/%zz/edit",
          "POST /express/pads/%4"
        }) {
      String[] parts = request.split(" ");
      String answer = exchange(parts[0], parts[1]);
      assertTrue(answer.startsWith("HTTP/1.1 400 "), request + ": " + statusLine(answer));
      if (!parts[0].equals("HEAD")) {
        assertTrue(answer.contains("<h1>Bad Request</h1>"), request);
      }
      assertFalse(answer.contains("Exception"), request);
    }
  }

  @Test
  void otherwiseABrokenPathRoutesAsItReads() throws IOException {
    for (String request :
        new String[] {"POST /express/sign%zzin", "GET /%zz", "GET /express/sign|in", "POST /x%"}) {
      String[] parts = request.split(" ");
      String answer = exchange(parts[0], parts[1]);
      assertTrue(answer.startsWith("HTTP/1.1 404 "), request + ": " + statusLine(answer));
      assertTrue(answer.contains("<h1>Not Found</h1>"), request);
    }
  }

  private String exchange(String method, String target) throws IOException {
    try (Socket socket = new Socket(base().getHost(), base().getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (method
                  + " "
                  + target
                  + " HTTP/1.1\r\nHost: "
                  + base().getHost()
                  + ":"
                  + base().getPort()
                  + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String statusLine(String answer) {
    return answer.lines().findFirst().orElse("(nothing)");
  }

  @Test
  void theServiceGoesOnAfterBrokenTargets() throws IOException {
    exchange("GET", "/express/sign%zzin");
    assertEquals(200, browser().get("/health").status());
  }
}
