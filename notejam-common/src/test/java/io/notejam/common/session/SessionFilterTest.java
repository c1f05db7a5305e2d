package io.notejam.common.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two real servers sharing a secret, as two Fargate tasks behind the load balancer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionFilterTest {
  static final String SECRET = "test-secret-that-is-long-enough-0123456789";
  private EmbeddedServer first;
  private EmbeddedServer second;
  private HttpClient client;

  @BeforeAll
  void start() {
    first = server(SECRET);
    second = server(SECRET);
    client = first.getApplicationContext().createBean(HttpClient.class, first.getURL());
  }

  @AfterAll
  void stop() {
    client.close();
    first.close();
    second.close();
  }

  static EmbeddedServer server(String secret) {
    return ApplicationContext.run(
        EmbeddedServer.class,
        Map.of(
            "spec.name",
            "SessionFilterTest",
            "micronaut.server.port",
            -1,
            "notejam.session.secret",
            secret,
            "notejam.session.cookie-name",
            "connect.sid",
            "flyway.enabled",
            false));
  }

  @Test
  void aSessionStartedOnOneInstanceContinuesOnAnother() {
    HttpResponse<String> counted =
        client.toBlocking().exchange(post(first, "/count", null), String.class);
    assertEquals("1", counted.body());
    String cookie = sessionCookie(counted);

    HttpResponse<String> again =
        client.toBlocking().exchange(post(second, "/count", cookie), String.class);
    assertEquals("2", again.body());
    String cookieFromSecond = sessionCookie(again);
    assertEquals(
        "3", client.toBlocking().retrieve(post(first, "/count", cookieFromSecond), String.class));
  }

  @Test
  void theCookieIsHttpOnlyLaxAndPathRoot() {
    HttpResponse<String> response =
        client.toBlocking().exchange(post(first, "/count", null), String.class);
    String header = response.getHeaders().get(HttpHeaders.SET_COOKIE);
    assertTrue(header.startsWith("connect.sid="), header);
    assertTrue(header.toLowerCase(java.util.Locale.ROOT).contains("; httponly"), header);
    assertTrue(header.contains("Path=/"), header);
    assertTrue(header.contains("SameSite=Lax"), header);
  }

  @Test
  void readingAnEmptySessionSetsNoCookie() {
    HttpResponse<String> response =
        client
            .toBlocking()
            .exchange(HttpRequest.GET(first.getURI().resolve("/peek")), String.class);
    assertEquals("none", response.body());
    assertFalse(response.getHeaders().contains(HttpHeaders.SET_COOKIE));
  }

  @Test
  void aForgedOrIdleCookieIsAFreshSession() {
    SealedCookieCodec codec = first.getApplicationContext().getBean(SealedCookieCodec.class);
    long idle = Instant.now().minusSeconds(31 * 60).getEpochSecond();
    String stale =
        codec.seal("connect.sid", new SealedCookieCodec.Contents(Map.of("n", "7"), idle));
    long recent = Instant.now().minusSeconds(29 * 60).getEpochSecond();
    String live =
        codec.seal("connect.sid", new SealedCookieCodec.Contents(Map.of("n", "7"), recent));

    assertEquals(
        "1",
        client.toBlocking().retrieve(post(first, "/count", "connect.sid=" + stale), String.class));
    assertEquals(
        "1",
        client.toBlocking().retrieve(post(first, "/count", "connect.sid=forged"), String.class));
    HttpResponse<String> slid =
        client
            .toBlocking()
            .exchange(
                HttpRequest.GET(first.getURI().resolve("/peek"))
                    .header(HttpHeaders.COOKIE, "connect.sid=" + live),
                String.class);
    assertEquals("7", slid.body());
    assertTrue(
        slid.getHeaders().contains(HttpHeaders.SET_COOKIE), "a read slides the idle timeout");
  }

  @Test
  void anotherSecretCannotReadTheSession() {
    String cookie =
        sessionCookie(client.toBlocking().exchange(post(first, "/count", null), String.class));
    try (EmbeddedServer stranger = server("a-different-secret-also-long-enough-000")) {
      assertEquals(
          "1", client.toBlocking().retrieve(post(stranger, "/count", cookie), String.class));
    }
  }

  @Test
  void productionRefusesToStartWithoutASecret() {
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                ApplicationContext.run(
                    Map.of("environment", "production", "flyway.enabled", false)));
    assertTrue(rootMessage(e).contains("NOTEJAM_SESSION_SECRET"), rootMessage(e));
  }

  private static String rootMessage(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" | ");
    }
    return all.toString();
  }

  private static HttpRequest<?> post(EmbeddedServer server, String path, String cookie) {
    var request = HttpRequest.POST(server.getURI().resolve(path), "");
    return cookie == null ? request : request.header(HttpHeaders.COOKIE, cookie);
  }

  private static String sessionCookie(HttpResponse<?> response) {
    List<String> cookies = response.getHeaders().getAll(HttpHeaders.SET_COOKIE);
    return cookies.get(0).split(";", 2)[0];
  }

  @Requires(property = "spec.name", value = "SessionFilterTest")
  @Controller
  static class CountingController {
    @Post("/count")
    String count(CookieSession session) {
      int n = Integer.parseInt(session.get("n").orElse("0")) + 1;
      session.put("n", Integer.toString(n));
      return Integer.toString(n);
    }

    @Get("/peek")
    String peek(CookieSession session) {
      return session.get("n").orElse("none");
    }
  }
}
