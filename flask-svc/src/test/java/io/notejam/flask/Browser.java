package io.notejam.flask;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's browser against a running service: keeps cookies, never follows redirects, and can fill
 * in a form the way a person does (open the page, take its CSRF token, post).
 */
final class Browser {
  private final URI base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;

  Browser(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Another browser with a copy of this one's cookies, talking to another server. */
  Browser withCookiesOn(URI otherBase) {
    Browser other = new Browser(otherBase);
    for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
      other.cookies.getCookieStore().add(otherBase, (HttpCookie) cookie.clone());
    }
    return other;
  }

  /** The session cookie's value, or null. */
  String sessionCookie() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("session"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  void setSessionCookie(String value) {
    cookies.getCookieStore().removeAll();
    HttpCookie cookie = new HttpCookie("session", value);
    cookie.setPath("/");
    cookie.setVersion(0);
    cookies.getCookieStore().add(base, cookie);
  }

  Page get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  Page request(String method, String path) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .method(method, HttpRequest.BodyPublishers.noBody()));
  }

  /** Posts exactly these fields (name, value, name, value ...), no token added. */
  Page post(String path, String... fields) {
    return postBody(path, encode(fields));
  }

  Page postBody(String path, String body) {
    return postBody(path, "application/x-www-form-urlencoded", body);
  }

  Page postBody(String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Opens the form page, then posts the fields with the page's CSRF token, as a user would. */
  Page submit(String path, String... fields) {
    String token = get(path).csrfToken();
    String[] all = new String[fields.length + 2];
    all[0] = "csrf_token";
    all[1] = token;
    System.arraycopy(fields, 0, all, 2, fields.length);
    return post(path, all);
  }

  static String encode(String... fields) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < fields.length; i += 2) {
      pairs.add(
          URLEncoder.encode(fields[i], StandardCharsets.UTF_8)
              + "="
              + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return String.join("&", pairs);
  }

  private Page send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Page(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
