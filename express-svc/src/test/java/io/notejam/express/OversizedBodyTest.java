package io.notejam.express;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpCookie;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bodies over the original's 100 kB limit (spec 1.6) get 413 with the HTML error page, never
 * Netty's empty 413 (fix 8.18), however the body is framed: with Content-Length, chunked, or
 * announced with {@code Expect: 100-continue}. Raw sockets, so that each framing is exactly the one
 * under test.
 */
@MicronautTest
class OversizedBodyTest extends ServiceTest {
  private static final int LIMIT = 102_400;
  private String session;

  @BeforeAll
  void signIn() {
    Fixtures.apply(schema);
    session =
        signedIn(Fixtures.USER1).cookies().getCookieStore().getCookies().stream()
            .map(HttpCookie::toString)
            .collect(Collectors.joining("; "));
  }

  @Test
  void overTheLimitWithContentLengthGetsThePage() throws IOException {
    String body = "name=n&text=" + "x".repeat(LIMIT);
    String answer = createNote(body);
    assertTooLargePage(answer);
  }

  @Test
  void overTheLimitChunkedGetsThePage() throws IOException {
    String chunk = "x".repeat(50_000);
    StringBuilder request =
        new StringBuilder(head("POST", "/express/pads/create", "application/json"))
            .append("Transfer-Encoding: chunked\r\n\r\n");
    request.append(Integer.toHexString(9)).append("\r\n{\"name\":\"\r\n");
    for (int i = 0; i < 3; i++) {
      request
          .append(Integer.toHexString(chunk.length()))
          .append("\r\n")
          .append(chunk)
          .append("\r\n");
    }
    request.append("2\r\n\"}\r\n0\r\n\r\n");
    assertTooLargePage(exchange(request.toString()));
  }

  @Test
  void aClientWaitingFor100ContinueGetsThePageInstead() throws IOException {
    try (Socket socket = new Socket(base().getHost(), base().getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (head("POST", "/express/signin", "application/x-www-form-urlencoded")
                  + "Content-Length: 500000\r\nExpect: 100-continue\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      // No body is sent: the answer must come without it, and must not be "100 Continue".
      assertTooLargePage(readAll(socket.getInputStream()));
    }
  }

  @Test
  void aBodyAtTheLimitIsServedAndTheServiceGoesOn() throws IOException {
    String prefix = "name=" + "n".repeat(10) + "&text=";
    String body = prefix + "y".repeat(LIMIT - prefix.length());
    String answer = createNote(body);
    assertTrue(answer.startsWith("HTTP/1.1 302 "), answer.lines().findFirst().orElse(""));
    assertEquals(200, browser().get("/health").status());
  }

  /** A form post to the note-create page, framed by {@code Content-Length}. */
  private String createNote(String formBody) throws IOException {
    return exchange(
        head("POST", "/express/notes/create", "application/x-www-form-urlencoded")
            + "Content-Length: "
            + formBody.length()
            + "\r\n\r\n"
            + formBody);
  }

  private String head(String method, String path, String contentType) {
    return method
        + " "
        + path
        + " HTTP/1.1\r\nHost: "
        + base().getHost()
        + ":"
        + base().getPort()
        + "\r\nCookie: "
        + session
        + "\r\nContent-Type: "
        + contentType
        + "\r\nConnection: keep-alive\r\n";
  }

  private String exchange(String request) throws IOException {
    try (Socket socket = new Socket(base().getHost(), base().getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (IOException closedWhileSending) {
        // The server may answer and close before the whole body is sent; its answer is still there.
      }
      return readAll(socket.getInputStream());
    }
  }

  /** Everything the server sends until it closes the connection. */
  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        received.write(buffer, 0, n);
        if (received.toString(StandardCharsets.UTF_8).endsWith("</html>")) {
          break;
        }
      }
    } catch (IOException resetAfterAnswer) {
      // A reset after the answer (unread body left in the server's buffer) ends the read.
    }
    return received.toString(StandardCharsets.UTF_8);
  }

  private static void assertTooLargePage(String answer) {
    assertTrue(
        answer.startsWith("HTTP/1.1 413 "),
        "status line: " + answer.lines().findFirst().orElse(""));
    String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
    assertTrue(head.contains("content-type: text/html"), head);
    assertTrue(answer.contains("<h1>Request Entity Too Large</h1>"), answer);
    assertFalse(answer.contains("Exception"));
    assertFalse(answer.contains("HTTP/1.1 100"));
  }
}
