package io.notejam.flask.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Werkzeug's redirects: an absolute {@code Location} built from the request's scheme and {@code
 * Host} (spec 1.6), and a short "Redirecting..." page that links to the target as the redirect was
 * given: the path for a view's redirect, the absolute URL for routing's.
 */
public final class Redirects {
  private Redirects() {}

  /** 302 Found, as every view redirects. */
  public static MutableHttpResponse<String> found(HttpRequest<?> request, String pathAndQuery) {
    return redirect(HttpStatus.FOUND, request, pathAndQuery, false);
  }

  /** 301, as routing answers a declared path asked for without its trailing slash. */
  public static MutableHttpResponse<String> moved(HttpRequest<?> request, String pathAndQuery) {
    return redirect(HttpStatus.MOVED_PERMANENTLY, request, pathAndQuery, true);
  }

  private static MutableHttpResponse<String> redirect(
      HttpStatus status, HttpRequest<?> request, String pathAndQuery, boolean linkAbsolute) {
    String host = request.getHeaders().get(HttpHeaders.HOST);
    String location =
        host == null || host.isBlank() || !host.matches("[A-Za-z0-9.:\\[\\]-]+")
            ? pathAndQuery
            : (request.isSecure() ? "https://" : "http://") + host + pathAndQuery;
    String target = linkAbsolute ? location : pathAndQuery;
    String body =
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">\n<title>Redirecting...</title>\n"
            + "<h1>Redirecting...</h1>\n<p>You should be redirected automatically to target URL: "
            + "<a href=\""
            + Html.cgiEscape(target, true)
            + "\">"
            + Html.cgiEscape(target, false)
            + "</a>.  If not click the link.";
    return HttpResponse.<String>status(status)
        .header(HttpHeaders.LOCATION, location)
        .contentType("text/html; charset=utf-8")
        .contentLength(body.getBytes(StandardCharsets.UTF_8).length) // HEAD too
        .body(body);
  }
}
