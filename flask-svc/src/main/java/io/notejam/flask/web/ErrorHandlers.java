package io.notejam.flask.web;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.notejam.common.db.DatabaseUnavailable;
import io.notejam.common.session.CookieSession;
import io.notejam.flask.db.DatabaseException;
import io.notejam.flask.user.LoginRequiredException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a request that went wrong answers: Werkzeug's plain pages, never a stack trace (B8). Bad
 * input the database refused (too long, a character it cannot store) is a 400; a database that
 * cannot be reached is a 503; anything else is logged and a 500.
 */
@Controller
public final class ErrorHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

  private final Routing routing;

  public ErrorHandlers(Routing routing) {
    this.routing = routing;
  }

  @Error(status = HttpStatus.NOT_FOUND, global = true)
  public HttpResponse<String> notFound() {
    return ErrorPages.notFound();
  }

  @Error(status = HttpStatus.METHOD_NOT_ALLOWED, global = true)
  public HttpResponse<String> methodNotAllowed(HttpRequest<?> request) {
    return ErrorPages.methodNotAllowed(request.getMethodName())
        .header(HttpHeaders.ALLOW, routing.allowedMethods(request));
  }

  @Error(exception = NotFoundException.class, global = true)
  public HttpResponse<String> recordNotFound() {
    return ErrorPages.notFound();
  }

  /**
   * Flask-Login's bounce: 302 to the sign-in page with the requested path and query in {@code next}
   * (which sign-in then ignores, B6), and one more copy of the flash per bounce (B24).
   */
  @Error(exception = LoginRequiredException.class, global = true)
  public HttpResponse<String> loginRequired(HttpRequest<?> request) {
    Flashes.message(CookieSession.of(request), "Please log in to access this page.");
    String query = request.getUri().getRawQuery();
    String next = request.getPath() + (query == null || query.isEmpty() ? "" : "?" + query);
    return Redirects.found(request, "/flask/signin/?next=" + quotePlus(next));
  }

  @Error(exception = DatabaseException.class, global = true)
  public HttpResponse<String> database(HttpRequest<?> request, DatabaseException e) {
    if (e.isRejectedValue()) {
      LOG.info(
          "{} {}: the database refused a value: {}",
          request.getMethod(),
          request.getPath(),
          e.getMessage());
      return ErrorPages.badRequest();
    }
    return unexpected(request, e);
  }

  @Error(exception = HttpStatusException.class, global = true)
  public HttpResponse<String> status(HttpRequest<?> request, HttpStatusException e) {
    return switch (e.getStatus()) {
      case NOT_FOUND -> ErrorPages.notFound();
      case REQUEST_ENTITY_TOO_LARGE -> ErrorPages.tooLarge();
      case METHOD_NOT_ALLOWED -> methodNotAllowed(request);
      case INTERNAL_SERVER_ERROR -> unexpected(request, e);
      default ->
          e.getStatus().getCode() < 500
              ? ErrorPages.clientError(e.getStatus())
              : unexpected(request, e);
    };
  }

  /** Bodies over {@code micronaut.server.max-request-size}. */
  @Error(exception = ContentLengthExceededException.class, global = true)
  public HttpResponse<String> tooLarge() {
    return ErrorPages.tooLarge();
  }

  @Error(exception = ConversionErrorException.class, global = true)
  public HttpResponse<String> conversion() {
    return ErrorPages.badRequest();
  }

  @Error(exception = UnsatisfiedRouteException.class, global = true)
  public HttpResponse<String> unsatisfied() {
    return ErrorPages.badRequest();
  }

  @Error(exception = Throwable.class, global = true)
  public HttpResponse<String> unexpected(HttpRequest<?> request, Throwable e) {
    if (DatabaseUnavailable.isCause(e)) {
      LOG.warn(
          "{} {}: database unavailable: {}", request.getMethod(), request.getPath(), e.toString());
      return ErrorPages.serviceUnavailable().header(HttpHeaders.RETRY_AFTER, "5");
    }
    LOG.error("{} {} failed", request.getMethod(), request.getPath(), e);
    return ErrorPages.internalServerError();
  }

  /** Python 2's {@code quote_plus(s, safe='')}: only letters, digits and {@code _.-} stay. */
  static String quotePlus(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("*", "%2A");
  }
}
