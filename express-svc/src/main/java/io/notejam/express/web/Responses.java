package io.notejam.express.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/**
 * Redirects (with relative {@code Location} headers and Express's short text body) and the plain
 * 404.
 */
public final class Responses {
  public static final String HOME = "/express";
  public static final String SIGN_IN = "/express/signin";
  static final String PLAIN_NOT_FOUND = Responses.class.getName() + ".plainNotFound";

  private Responses() {}

  /** True when the 404 being answered is {@link #notOwned}'s. */
  static boolean isNotOwned(HttpRequest<?> request) {
    return request.getAttribute(PLAIN_NOT_FOUND, Boolean.class).orElse(false);
  }

  /** 302 Found, as Express's {@code res.redirect}. */
  public static MutableHttpResponse<String> found(String location) {
    return to(HttpStatus.FOUND, location, "Found. Redirecting to " + location);
  }

  /** 303 See Other, as the original's static middleware answers a directory without its slash. */
  public static MutableHttpResponse<String> seeOther(String location) {
    return to(HttpStatus.SEE_OTHER, location, "Redirecting to " + location);
  }

  private static MutableHttpResponse<String> to(HttpStatus status, String location, String text) {
    return HttpResponse.<String>status(status)
        .header(HttpHeaders.LOCATION, location)
        .contentType(MediaType.TEXT_PLAIN_TYPE)
        .body(text);
  }

  /**
   * The plain-text 404 the original gives for a pad or note that is missing or not yours; marked so
   * that the HTML 404 page for unknown routes leaves it alone.
   */
  public static MutableHttpResponse<String> notOwned(HttpRequest<?> request) {
    request.setAttribute(PLAIN_NOT_FOUND, true);
    return HttpResponse.<String>status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.TEXT_PLAIN_TYPE)
        .body("Not Found");
  }
}
