package io.notejam.flask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The URL layout of spec 0 and 1: the literal {@code /flask} prefix, Werkzeug's trailing-slash
 * rules, error pages, HEAD/OPTIONS, static files, {@code /health}, and the login bounce.
 */
@MicronautTest
class RoutingTest extends FlaskServiceTest {

  @Test
  void healthAnswersAnEmptyOk() {
    Page page = browser().get("/health");
    assertEquals(200, page.status());
    assertEquals("", page.body());
    assertEquals("0", page.header("Content-Length"));
    assertTrue(page.header("Content-Type").startsWith("text/html"));
    assertEquals(200, browser().request("HEAD", "/health").status());
  }

  @Test
  void healthRefusesOtherMethods() {
    Page post = browser().post("/health");
    assertEquals(405, post.status());
    assertTrue(post.header("Allow").contains("GET"));
    assertEquals("405 Method Not Allowed", post.title());
    assertTrue(post.text().contains("The method POST is not allowed for the requested URL."));
    Page options = browser().request("OPTIONS", "/health");
    assertEquals(200, options.status());
    assertTrue(options.header("Allow").contains("GET"), options.header("Allow"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/flask/",
        "/health/",
        "/flask/health",
        "/static/css/style.css",
        "/flask/nothing/",
        "/flask/notes/abc/",
        "/flask/notes/-1/",
        "/flask/pads/1x/edit/",
        "/flask/static/css/missing.css",
        "/flask/static/css/",
        "/flask/static/css"
      })
  void unknownPathsAreWerkzeugs404(String path) {
    Page page = browser().get(path);
    assertEquals(404, page.status(), path);
    assertEquals("404 Not Found", page.title());
    assertTrue(page.text().contains("The requested URL was not found on the server."));
    assertTrue(
        page.text()
            .contains("If you entered the URL manually please check your spelling and try again."));
  }

  @Test
  void stylesheetsAreServedUnderFlaskStatic() {
    for (String css : List.of("/flask/static/css/style.css", "/flask/static/css/tables.css")) {
      Page page = browser().get(css);
      assertEquals(200, page.status(), css);
      assertEquals("text/css; charset=utf-8", page.header("Content-Type"), css);
      assertTrue(page.body().contains("{"), css);
    }
  }

  /** The static route takes GET and HEAD only, as Flask's did. */
  @Test
  void stylesheetsAnswerOtherMethodsAsFlaskDid() {
    String css = "/flask/static/css/style.css";
    Page post = browser().post(css);
    assertEquals(405, post.status());
    assertEquals("HEAD, OPTIONS, GET", post.header("Allow"));
    assertEquals("405 Method Not Allowed", post.title());
    Page options = browser().request("OPTIONS", css);
    assertEquals(200, options.status());
    assertEquals("HEAD, OPTIONS, GET", options.header("Allow"));
    Page head = browser().request("HEAD", css);
    assertEquals(200, head.status());
    assertEquals(browser().get(css).header("Content-Length"), head.header("Content-Length"));
  }

  @Test
  void aDeclaredPathWithoutItsSlashIsMovedPermanentlyForEveryMethod() {
    Page get = browser().get("/flask/signin");
    assertEquals(301, get.status());
    assertEquals("/flask/signin/", get.location());
    Page withQuery = browser().get("/flask/notes/create?pad=1");
    assertEquals(301, withQuery.status());
    assertEquals("/flask/notes/create/?pad=1", withQuery.location());
    Page post = browser().post("/flask/signin", "email", "a@b.com"); // B12: no 500
    assertEquals(301, post.status());
    assertEquals("/flask/signin/", post.location());
    assertEquals(301, browser().post("/flask/signout").status());
    assertEquals(301, browser().get("/flask/pads/12/edit").status());
  }

  @Test
  void redirectsAreAbsoluteWithARedirectingPage() {
    Page page = browser().get("/flask/signout/");
    assertEquals(302, page.status());
    assertTrue(page.header("Location").startsWith("http://"), page.header("Location"));
    assertEquals("/flask/signin/", page.location());
    assertEquals("Redirecting...", page.title());
  }

  @Test
  void aKnownPathWithAnotherMethodIs405WithAllow() {
    Page home = browser().post("/flask");
    assertEquals(405, home.status());
    assertTrue(home.header("Allow").contains("GET"));
    // Routing comes before the login check: anonymous gets 405, not a redirect.
    assertEquals(405, browser().post("/flask/notes/1/").status());
    assertEquals(405, browser().post("/flask/signout/").status());
    assertEquals(405, browser().request("PUT", "/flask/signin/").status());
  }

  @Test
  void optionsListsTheMethodsWithoutRunningTheView() {
    Page page = browser().request("OPTIONS", "/flask/settings/");
    assertEquals(200, page.status());
    String allow = page.header("Allow");
    for (String method : List.of("GET", "POST", "HEAD", "OPTIONS")) {
      assertTrue(allow.contains(method), allow);
    }
  }

  /** Werkzeug 0.8.3 lists the methods in one fixed order per route kind; a suite may compare it. */
  @Test
  void allowListsTheMethodsInWerkzeugsOrder() {
    assertEquals("HEAD, OPTIONS, GET", browser().request("OPTIONS", "/flask").header("Allow"));
    assertEquals("HEAD, OPTIONS, GET", browser().post("/health").header("Allow"));
    Page options = browser().request("OPTIONS", "/flask/notes/1/delete/");
    assertEquals("HEAD, GET, POST, OPTIONS", options.header("Allow"));
    assertEquals("text/html; charset=utf-8", options.header("Content-Type"));
    assertEquals("0", options.header("Content-Length"));
    assertEquals(
        "HEAD, GET, POST, OPTIONS",
        browser().request("PUT", "/flask/signin/").header("Allow"),
        "405 too");
  }

  /**
   * Werkzeug's redirect page links to the target as the view gave it: the path for a view's
   * redirect, the absolute URL for routing's 301 (only {@code Location} is made absolute).
   */
  @Test
  void theRedirectPageLinksToTheTargetAsGiven() {
    Page signout = browser().get("/flask/signout/");
    assertEquals("/flask/signin/", signout.html().selectFirst("a").attr("href"));
    Page bounce = browser().get("/flask?order=name");
    assertEquals(
        "/flask/signin/?next=%2Fflask%3Forder%3Dname", bounce.html().selectFirst("a").attr("href"));
    Page moved = browser().get("/flask/signin?x=1");
    assertEquals(moved.header("Location"), moved.html().selectFirst("a").attr("href"));
    assertTrue(moved.header("Location").startsWith("http://"), moved.header("Location"));
  }

  @Test
  void headAnswersLikeGetWithoutABody() {
    Page page = browser().request("HEAD", "/flask/signin/");
    assertEquals(200, page.status());
    assertEquals("", page.body());
  }

  /**
   * Targets that {@code java.net.URI} refuses but Werkzeug took (a broken escape stays as it is,
   * raw bytes are UTF-8) are answered as the original answered them, never with a 500. They are
   * sent as raw bytes, since an HTTP client refuses to build them.
   */
  @Test
  void targetsJavaRefusesAreAnsweredAsWerkzeugDid() throws IOException {
    assertEquals(200, rawStatus("/flask/signin/?z=%zz"));
    assertEquals(302, rawStatus("/flask?z=%zz"), "the login bounce");
    assertEquals(301, rawStatus("/flask/signin?z=%"));
    assertEquals(404, rawStatus("/flask/notes/%zz/"));
    assertEquals(200, rawStatus("/flask/signin/?q=\"<x>\"|{}"));
    assertEquals(404, rawStatus("/flask/caf\u00c3\u00a9")); // "café" as its UTF-8 bytes
  }

  private int rawStatus(String target) throws IOException {
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      String statusLine =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
              .readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  /** HEAD sends GET's headers, its length included, as Werkzeug did (spec 0). */
  @Test
  void headTellsTheLengthGetWouldSend() {
    for (String path : List.of("/health", "/flask/signin/", "/flask/nothing", "/flask/signout/")) {
      Page get = browser().get(path);
      Page head = browser().request("HEAD", path);
      assertEquals(get.status(), head.status(), path);
      assertEquals(get.header("Content-Length"), head.header("Content-Length"), path);
      assertEquals(get.header("Content-Type"), head.header("Content-Type"), path);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/flask",
        "/flask/settings/",
        "/flask/pads/create/",
        "/flask/pads/1/",
        "/flask/pads/1/edit/",
        "/flask/pads/1/delete/",
        "/flask/notes/create/",
        "/flask/notes/1/",
        "/flask/notes/1/edit/",
        "/flask/notes/1/delete/",
        "/flask/notes/0/",
        "/flask/notes/99999999999999999999999/"
      })
  void anonymousUsersAreSentToSignIn(String path) {
    Browser anonymous = browser();
    Page page = anonymous.get(path);
    assertEquals(302, page.status(), path);
    assertEquals(
        "/flask/signin/?next=" + path.replace("/", "%2F"), page.location(), "next is the path");
    assertEquals(
        List.of("message: Please log in to access this page."),
        anonymous.get("/flask/signin/").flashes());
  }

  @Test
  void nextCarriesTheQueryFormEncoded() {
    assertEquals(
        "/flask/signin/?next=%2Fflask%3Forder%3Dname",
        browser().get("/flask?order=name").location());
    assertEquals(
        "/flask/signin/?next=%2Fflask%2Fnotes%2Fcreate%2F%3Fpad%3D2",
        browser().get("/flask/notes/create/?pad=2").location());
    assertEquals(
        "/flask/signin/?next=%2Fflask%2Fpads%2Fcreate%2F",
        browser().post("/flask/pads/create/", "name", "pad").location());
  }

  @Test
  void everyBounceQueuesAnotherCopyOfTheFlash() {
    Browser anonymous = browser();
    anonymous.get("/flask");
    anonymous.get("/flask/settings/");
    assertEquals(
        List.of(
            "message: Please log in to access this page.",
            "message: Please log in to access this page."),
        anonymous.get("/flask/signin/").flashes());
    assertEquals(List.of(), anonymous.get("/flask/signin/").flashes(), "shown once");
  }

  @Test
  void nextIsIgnoredAfterSignIn() {
    String email = uniqueEmail();
    Browser b = browser();
    b.submit("/flask/signup/", "email", email, "password", "pw", "repeat_password", "pw");
    Page page =
        b.submit("/flask/signin/?next=%2Fflask%2Fsettings%2F", "email", email, "password", "pw");
    assertEquals("/flask", page.location());
  }

  @Test
  void idsMayCarryLeadingZerosAndTooBigIdsAreNotFound() {
    Browser user = signedIn(uniqueEmail());
    long note = createNote(user, "zeros", "text", "0");
    assertEquals("zeros", user.get("/flask/notes/00" + note + "/").title());
    assertEquals(404, user.get("/flask/notes/0/").status());
    assertEquals(404, user.get("/flask/notes/99999999999999999999999/").status());
    assertEquals(404, user.get("/flask/pads/99999999999999999999999/edit/").status());
  }

  @Test
  void signOutIsAGetWithoutFlash() {
    Browser user = signedIn(uniqueEmail());
    user.get("/flask");
    Page out = user.get("/flask/signout/");
    assertEquals(302, out.status());
    assertEquals("/flask/signin/", out.location());
    Page signin = user.get("/flask/signin/");
    assertEquals(List.of(), signin.flashes());
    assertNull(signin.html().selectFirst("a[href=/flask/signout/]"));
    assertEquals(302, user.get("/flask").status());
  }
}
