package io.notejam.express.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Redirects (with relative {@code Location} headers and Express's short bodies) and the plain 404,
 * with the original's exact content types.
 */
public final class Responses {
  public static final String HOME = "/express";
  public static final String SIGN_IN = "/express/signin";
  static final String TEXT_CONTENT_TYPE = "text/plain; charset=utf-8";
  static final String PLAIN_NOT_FOUND = Responses.class.getName() + ".plainNotFound";

  /** Marks a 302 whose body {@link RedirectBodies} writes in the form the request accepts. */
  static final String FOUND = Responses.class.getName() + ".found";

  private Responses() {}

  /** True when the 404 being answered is {@link #notOwned}'s. */
  static boolean isNotOwned(HttpRequest<?> request) {
    return request.getAttribute(PLAIN_NOT_FOUND, Boolean.class).orElse(false);
  }

  /** 302 Found, as Express's {@code res.redirect}; the body is {@link RedirectBodies}'s. */
  public static MutableHttpResponse<?> found(String location) {
    MutableHttpResponse<?> response =
        HttpResponse.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location);
    response.setAttribute(FOUND, location);
    return response;
  }

  /**
   * 303 See Other, as the original's static middleware answers a directory without its slash: an
   * escaped text body and no content type.
   */
  public static MutableHttpResponse<byte[]> seeOther(String location) {
    return HttpResponse.<byte[]>status(HttpStatus.SEE_OTHER)
        .header(HttpHeaders.LOCATION, location)
        .body(
            ("Redirecting to " + RedirectBodies.escape(location)).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The plain-text 404 the original gives for a pad or note that is missing or not yours; marked so
   * that the HTML 404 page for unknown routes leaves it alone.
   */
  public static MutableHttpResponse<String> notOwned(HttpRequest<?> request) {
    request.setAttribute(PLAIN_NOT_FOUND, true);
    return HttpResponse.<String>status(HttpStatus.NOT_FOUND)
        .header(HttpHeaders.CONTENT_TYPE, TEXT_CONTENT_TYPE)
        .body("Not Found");
  }
}
