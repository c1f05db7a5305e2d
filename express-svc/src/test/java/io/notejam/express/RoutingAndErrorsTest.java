package io.notejam.express;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.HttpCookie;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The routes around the app (spec 1): root, the /express hop, /health, errors, assets, CSRF. */
@MicronautTest
class RoutingAndErrorsTest extends ServiceTest {
  @BeforeAll
  void fixtures() {
    Fixtures.apply(schema);
  }

  @Test
  void rootRedirectsToExpressDroppingTheQuery() {
    var res = browser().get("/?x=1");
    assertEquals(302, res.status());
    assertEquals("/express", res.location());
    assertEquals(302, browser().method("HEAD", "/").status());
    assertEquals(404, browser().post("/").status());
  }

  @Test
  void expressWithoutSlashHopsWithSeeOtherKeepingTheQuery() {
    var res = browser().get("/express?order=name");
    assertEquals(303, res.status());
    assertEquals("/express/?order=name", res.location());
    assertEquals(303, browser().method("HEAD", "/express").status());
    var post = browser().post("/express");
    assertEquals(404, post.status());
    assertTrue(post.body().contains("<h1>Not Found</h1>"));
    assertEquals("/express/signin", browser().get("/express/").location());
  }

  @Test
  void healthAnswersAnyMethodWithAnEmptyBodyAndNoCookie() {
    for (String method : List.of("GET", "POST", "DELETE", "PUT", "HEAD", "OPTIONS")) {
      var res = browser().method(method, "/health");
      assertEquals(200, res.status(), method);
      assertEquals("", res.body(), method);
      assertNull(res.header("Set-Cookie"), method);
    }
    assertEquals(200, browser().get("/HEALTH").status());
    assertEquals(200, browser().get("/health/").status());
    assertEquals(404, browser().get("/express/health").status());
  }

  @Test
  void unknownRoutesAndMethodsGetTheHtmlNotFoundPage() {
    for (var res :
        List.of(
            browser().get("/nothing/here"),
            browser().get("/express/notes"),
            browser().get("/express/pads/"),
            browser().method("PUT", "/express/signin"),
            browser().method("DELETE", "/express/notes/1"))) {
      assertEquals(404, res.status());
      assertTrue(res.contentType().startsWith("text/html"));
      assertTrue(res.body().contains("<title></title>"));
      assertTrue(res.body().contains("<h1>Not Found</h1>"));
    }
  }

  @Test
  void routesMatchCaseInsensitivelyAndToleratesATrailingSlash() {
    var signIn = browser().get("/EXPRESS/SIGNIN/");
    assertEquals(200, signIn.status());
    assertTrue(signIn.body().contains("<title>Sign In</title>"));
    assertEquals(200, browser().get("/Express/Forgot-Password").status());
    assertEquals(200, browser().method("POST", "/Health").status());
    var hop = browser().get("/EXPRESS?order=NAME");
    assertEquals(303, hop.status());
    assertEquals("/express/?order=NAME", hop.location(), "the query keeps its case");
    assertEquals(404, browser().get("/express/stylesheets/STYLE.css").status(), "files are exact");
  }

  @Test
  void stylesheetIsServed() {
    var css = browser().get("/express/stylesheets/style.css");
    assertEquals(200, css.status());
    assertEquals("text/css; charset=UTF-8", css.contentType());
    assertEquals("public, max-age=0", css.header("Cache-Control"));
    assertTrue(css.header("Last-Modified").endsWith(" GMT"));
    assertTrue(css.body().contains(".alert-error"));
    String etag = css.header("ETag");
    assertTrue(etag.startsWith("W/\""), etag);
    assertEquals(
        304, browser().get("/express/stylesheets/style.css", "If-None-Match", etag).status());
    assertEquals(404, browser().get("/express/stylesheets/STYLE.CSS").status());
    var directory = browser().get("/express/stylesheets");
    assertEquals(303, directory.status());
    assertEquals("/express/stylesheets/", directory.location());
    assertEquals(404, browser().get("/express/stylesheets/").status());
  }

  @Test
  void pagesShareTheLayout() {
    String page = browser().get("/express/signin").body();
    assertTrue(page.startsWith("<!DOCTYPE html>"));
    assertTrue(
        page.contains("<meta name=\"description\" content=\"Notejam: Unified sample app\">"));
    assertTrue(
        page.contains(
            "<h1 class=\"bold-header\"><a href=\"/express\" class=\"header\">note<span"
                + " class=\"jam\">jam:&nbsp;</span><span>Sign In</span></a></h1>"));
    assertTrue(page.contains("Notejam: <strong>Express</strong> application"));
    assertTrue(page.contains("alt=\"Fork me on GitHub\""));
    assertTrue(page.contains("<form method=\"POST\" class=\"offset-by-six sign-in\">"));
    assertTrue(
        page.contains(
            "<a href=\"/express/forgot-password\" class=\"small-red\">Forgot password?</a>"));
  }

  @Test
  void sessionCookieIsConnectSidHttpOnlyAndSameSiteLax() {
    Browser agent = browser();
    var res = agent.postJson("/express/signin", Fixtures.credentials(Fixtures.USER1, "password"));
    String setCookie = res.header("Set-Cookie");
    assertTrue(setCookie.startsWith("connect.sid="), setCookie);
    assertTrue(setCookie.contains("HTTPOnly") || setCookie.contains("HttpOnly"), setCookie);
    assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
    HttpCookie cookie = agent.cookies().getCookieStore().getCookies().get(0);
    assertTrue(cookie.getValue().length() > 20, "sealed, not a bare id");
  }

  @Test
  void crossSiteFormPostsAreRefusedSameSiteOnesAccepted() {
    Browser agent = Fixtures.signedIn(base(), Fixtures.USER1);
    var crossSite =
        agent.postForm(
            "/express/pads/create", Map.of("name", "csrf"), "Sec-Fetch-Site", "cross-site");
    assertEquals(403, crossSite.status());
    assertTrue(crossSite.body().contains("<h1>Forbidden</h1>"));
    var foreignOrigin =
        agent.postForm(
            "/express/pads/create", Map.of("name", "csrf"), "Origin", "https://evil.example");
    assertEquals(403, foreignOrigin.status());
    assertEquals(
        403,
        agent.postForm("/express/pads/create", Map.of("name", "csrf"), "Origin", "null").status());
    assertEquals(0, Rows.number(schema, "SELECT COUNT(*) FROM pads WHERE name = 'csrf'"));
    String self = "http://" + base().getHost() + ":" + base().getPort();
    var sameOrigin =
        agent.postForm(
            "/express/pads/create",
            Map.of("name", "same"),
            "Origin",
            self,
            "Sec-Fetch-Site",
            "same-origin");
    assertEquals(302, sameOrigin.status());
    assertEquals(302, agent.postForm("/express/pads/create", Map.of("name", "plain")).status());
  }
}
