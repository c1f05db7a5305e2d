package io.notejam.flask.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The plain error pages Werkzeug serves (spec 1.6): no site layout, no stack trace, whatever went
 * wrong.
 */
public final class ErrorPages {
  private ErrorPages() {}

  public static MutableHttpResponse<String> notFound() {
    return page(
        HttpStatus.NOT_FOUND,
        "404 Not Found",
        "Not Found",
        "The requested URL was not found on the server.</p><p>If you entered the URL manually"
            + " please check your spelling and try again.");
  }

  public static MutableHttpResponse<String> methodNotAllowed(String method) {
    return page(
        HttpStatus.METHOD_NOT_ALLOWED,
        "405 Method Not Allowed",
        "Method Not Allowed",
        "The method " + Html.escape(method) + " is not allowed for the requested URL.");
  }

  public static MutableHttpResponse<String> badRequest() {
    return page(
        HttpStatus.BAD_REQUEST,
        "400 Bad Request",
        "Bad Request",
        "The browser (or proxy) sent a request that this server could not understand.");
  }

  public static MutableHttpResponse<String> tooLarge() {
    return page(
        HttpStatus.REQUEST_ENTITY_TOO_LARGE,
        "413 Request Entity Too Large",
        "Request Entity Too Large",
        "The data value transmitted exceeds the capacity limit.");
  }

  /** Any other client error Micronaut raises, under its own status. */
  public static MutableHttpResponse<String> clientError(HttpStatus status) {
    return page(
        status,
        status.getCode() + " " + status.getReason(),
        status.getReason(),
        "The browser (or proxy) sent a request that this server could not handle.");
  }

  public static MutableHttpResponse<String> internalServerError() {
    return page(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "500 Internal Server Error",
        "Internal Server Error",
        "The server encountered an internal error and was unable to complete your request.  Either"
            + " the server is overloaded or there is an error in the application.");
  }

  public static MutableHttpResponse<String> serviceUnavailable() {
    return page(
        HttpStatus.SERVICE_UNAVAILABLE,
        "503 Service Unavailable",
        "Service Unavailable",
        "The server is temporarily unable to service your request due to maintenance downtime or"
            + " capacity problems.  Please try again later.");
  }

  private static MutableHttpResponse<String> page(
      HttpStatus status, String title, String heading, String text) {
    String body =
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">\n<title>"
            + title
            + "</title>\n<h1>"
            + heading
            + "</h1>\n<p>"
            + text
            + "</p>\n";
    return HttpResponse.<String>status(status)
        .contentType("text/html")
        .contentLength(body.getBytes(StandardCharsets.UTF_8).length) // HEAD too
        .body(body);
  }
}
