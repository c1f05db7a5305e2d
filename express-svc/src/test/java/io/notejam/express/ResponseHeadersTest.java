package io.notejam.express;

import static io.notejam.express.Fixtures.USER1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Content types and redirect bodies exactly as the original sends them (spec 1.2, 1.5, 4.6): {@code
 * text/html; charset=utf-8} pages, {@code text/plain; charset=utf-8} record 404s, Express's {@code
 * res.redirect} body chosen by {@code Accept} (text, HTML, or empty for anything else), the static
 * middleware's 303 without a type, and never a 406 whatever the client accepts.
 */
@MicronautTest
class ResponseHeadersTest extends ServiceTest {
  private static final String HTML = "text/html; charset=utf-8";
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  @BeforeAll
  void fixtures() {
    Fixtures.apply(schema);
  }

  @Test
  void pagesAndErrorPagesAreUtf8Html() {
    assertEquals(HTML, browser().get("/express/signin").contentType());
    var notFound = browser().get("/express/nothing");
    assertEquals(404, notFound.status());
    assertEquals(HTML, notFound.contentType());
    assertEquals(HTML, signedIn(USER1).get("/express/").contentType());
  }

  @Test
  void pagesCarryExpresssCrc32EtagAndAnswer304WhenItMatches() {
    var page = browser().get("/express/signin");
    var crc = new java.util.zip.CRC32();
    crc.update(page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String etag = "\"" + (int) crc.getValue() + "\"";
    assertEquals(etag, page.header("ETag"));
    var again = browser().get("/express/signin", "If-None-Match", etag);
    assertEquals(304, again.status());
    assertEquals("", again.body());
    assertEquals(200, browser().get("/express/signin", "If-None-Match", "\"1\"").status());
    assertNull(browser().get("/").header("ETag"), "redirects have none");
    assertEquals(404, browser().get("/express/nothing", "If-None-Match", etag).status());
  }

  @Test
  void headAnswersWithTheLengthAndEtagOfGet() {
    for (String path : List.of("/express/signin", "/express/nothing")) {
      var get = browser().get(path);
      var head = browser().method("HEAD", path);
      assertEquals(get.status(), head.status(), path);
      assertEquals("", head.body(), path);
      assertEquals(
          String.valueOf(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
          head.header("Content-Length"),
          path);
      assertEquals(get.header("ETag"), head.header("ETag"), path);
    }
    var user = signedIn(USER1);
    var notOwned = user.get("/express/notes/999");
    assertEquals(notOwned.header("ETag"), user.method("HEAD", "/express/notes/999").header("ETag"));
  }

  @Test
  void recordNotFoundIsUtf8PlainText() {
    var missing = signedIn(USER1).get("/express/pads/999");
    assertEquals(404, missing.status());
    assertEquals(TEXT, missing.contentType());
    assertEquals("Not Found", missing.body());
  }

  @Test
  void redirectBodyFollowsTheAcceptHeaderAsExpressDoes() {
    var plain = browser().get("/");
    assertEquals(302, plain.status());
    assertEquals("/express", plain.location());
    assertEquals(TEXT, plain.contentType());
    assertEquals("Found. Redirecting to /express", plain.body());
    assertEquals("Accept", plain.header("Vary"));
    assertEquals(TEXT, browser().get("/", "Accept", "*/*").contentType());
    for (String accept : List.of("text/html", BROWSER_ACCEPT)) {
      var html = browser().get("/", "Accept", accept);
      assertEquals(302, html.status(), accept);
      assertEquals(HTML, html.contentType(), accept);
      assertEquals(
          "<p>Found. Redirecting to <a href=\"/express\">/express</a></p>", html.body(), accept);
    }
    var neither = browser().get("/express/signout", "Accept", "application/json");
    assertEquals(302, neither.status());
    assertEquals("/express/signin", neither.location());
    assertNull(neither.contentType());
    assertEquals("", neither.body());
  }

  @Test
  void noRouteAnswers406WhateverTheClientAccepts() {
    for (String accept : List.of("application/json", "text/plain", "image/png", BROWSER_ACCEPT)) {
      assertEquals(200, browser().get("/express/signin", "Accept", accept).status(), accept);
      assertEquals(302, browser().get("/", "Accept", accept).status(), accept);
      var signIn =
          browser()
              .postForm(
                  "/express/signin",
                  Map.of("email", USER1, "password", Fixtures.PASSWORD),
                  "Accept",
                  accept);
      assertEquals(302, signIn.status(), accept);
      assertEquals(404, signedIn(USER1).get("/express/notes/999", "Accept", accept).status());
    }
  }

  @Test
  void staticMiddlewareHopHasNoContentType() {
    var hop = browser().get("/express?order=name", "Accept", "text/html");
    assertEquals(303, hop.status());
    assertEquals("/express/?order=name", hop.location());
    assertNull(hop.contentType());
    assertEquals("Redirecting to /express/?order=name", hop.body());
  }
}
