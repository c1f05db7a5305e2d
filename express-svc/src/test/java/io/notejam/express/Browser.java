package io.notejam.express;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client for black-box tests, like the original suite's superagent agents: it
 * never follows redirects by itself; {@link #follow} does, recording every hop as superagent's
 * {@code res.redirects} does.
 */
final class Browser {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** A response: status, headers and body text. */
  record Page(int status, HttpResponse<String> raw) {
    String body() {
      return raw.body();
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String location() {
      return header("Location");
    }

    String contentType() {
      return header("Content-Type");
    }
  }

  /** The last page after following redirects, and the absolute URL of every redirect target. */
  record Followed(Page page, List<String> redirects) {
    int status() {
      return page.status();
    }

    String body() {
      return page.body();
    }
  }

  private final URI base;
  private final CookieManager cookies;
  private final HttpClient http;

  Browser(URI base) {
    this(base, new CookieManager());
  }

  /** A browser that shares its cookies with another, e.g. to reach a second instance. */
  Browser(URI base, CookieManager cookies) {
    this.base = base;
    this.cookies = cookies;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();
  }

  URI base() {
    return base;
  }

  CookieManager cookies() {
    return cookies;
  }

  Page get(String path) {
    return send(request(path).GET(), new String[0]);
  }

  Page get(String path, String... headers) {
    return send(request(path).GET(), headers);
  }

  /** POST with no body and no Content-Type, as the original suite's delete tests send. */
  Page post(String path) {
    return send(request(path).POST(BodyPublishers.noBody()), new String[0]);
  }

  Page postJson(String path, String json) {
    return send(
        request(path).POST(BodyPublishers.ofString(json)),
        new String[] {"Content-Type", "application/json"});
  }

  Page postForm(String path, Map<String, String> fields, String... headers) {
    String body =
        fields.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return postRaw(path, "application/x-www-form-urlencoded", body, headers);
  }

  Page postRaw(String path, String contentType, String body, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = contentType;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return send(request(path).POST(BodyPublishers.ofString(body)), all);
  }

  Page method(String method, String path) {
    return send(request(path).method(method, BodyPublishers.noBody()), new String[0]);
  }

  /** Follows redirects from {@code first} with GETs, as a browser (or superagent) would. */
  Followed follow(Page first) {
    List<String> redirects = new ArrayList<>();
    Page page = first;
    URI at = base;
    while (page.status() >= 300 && page.status() < 400 && page.location() != null) {
      at = at.resolve(page.location());
      redirects.add(at.toString());
      page = send(HttpRequest.newBuilder(at).timeout(TIMEOUT).GET(), new String[0]);
    }
    return new Followed(page, redirects);
  }

  Followed postJsonFollowing(String path, String json) {
    return follow(postJson(path, json));
  }

  /** The absolute URL superagent would list for a redirect to {@code path}. */
  String url(String path) {
    return base.resolve(path).toString();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
  }

  private Page send(HttpRequest.Builder builder, String[] headers) {
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response = http.send(builder.build(), BodyHandlers.ofString());
      return new Page(response.statusCode(), response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
