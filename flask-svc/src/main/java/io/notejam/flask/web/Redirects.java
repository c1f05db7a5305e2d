package io.notejam.flask.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/**
 * Werkzeug's redirects: an absolute {@code Location} built from the request's scheme and {@code
 * Host} (spec 1.6), and a short "Redirecting..." page.
 */
public final class Redirects {
  private Redirects() {}

  /** 302 Found, as every view redirects. */
  public static MutableHttpResponse<String> found(HttpRequest<?> request, String pathAndQuery) {
    return redirect(HttpStatus.FOUND, request, pathAndQuery);
  }

  /** 301, as routing answers a declared path asked for without its trailing slash. */
  public static MutableHttpResponse<String> moved(HttpRequest<?> request, String pathAndQuery) {
    return redirect(HttpStatus.MOVED_PERMANENTLY, request, pathAndQuery);
  }

  private static MutableHttpResponse<String> redirect(
      HttpStatus status, HttpRequest<?> request, String pathAndQuery) {
    String host = request.getHeaders().get(HttpHeaders.HOST);
    String location =
        host == null || host.isBlank() || !host.matches("[A-Za-z0-9.:\\[\\]-]+")
            ? pathAndQuery
            : (request.isSecure() ? "https://" : "http://") + host + pathAndQuery;
    String link = Html.escape(location);
    String body =
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">\n<title>Redirecting...</title>\n"
            + "<h1>Redirecting...</h1>\n<p>You should be redirected automatically to target URL: "
            + "<a href=\""
            + link
            + "\">"
            + link
            + "</a>.  If not click the link.";
    return HttpResponse.<String>status(status)
        .header(HttpHeaders.LOCATION, location)
        .contentType("text/html; charset=utf-8")
        .body(body);
  }
}
