package io.notejam.express.web;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.notejam.common.db.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error answers with the HTML error page and never a stack trace (spec 6.13, 8.17, 8.18): 404
 * for unknown routes and for methods a route does not take (the original has no 405), 400 for a
 * malformed body, 413 over 100 kB, 503 while the database is unreachable, 500 otherwise.
 */
@Controller
public class ErrorPages {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
  private final Pages pages;

  public ErrorPages(Pages pages) {
    this.pages = pages;
  }

  @Error(global = true, status = HttpStatus.NOT_FOUND)
  public HttpResponse<?> notFound(HttpRequest<?> request) {
    return Responses.isNotOwned(request)
        ? Responses.notOwned(request)
        : pages.error(HttpStatus.NOT_FOUND);
  }

  @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
  public HttpResponse<?> methodNotAllowed() {
    return pages.error(HttpStatus.NOT_FOUND);
  }

  @Error(global = true, exception = MalformedBodyException.class)
  public HttpResponse<?> malformedBody() {
    return pages.error(HttpStatus.BAD_REQUEST);
  }

  @Error(global = true, exception = ContentLengthExceededException.class)
  public HttpResponse<?> tooLarge() {
    return pages.error(HttpStatus.REQUEST_ENTITY_TOO_LARGE);
  }

  @Error(global = true, exception = Exception.class)
  public HttpResponse<?> failure(HttpRequest<?> request, Exception e) {
    if (DatabaseUnavailable.isCause(e)) {
      LOG.warn(
          "{} {}: database unavailable: {}",
          request.getMethod(),
          request.getPath(),
          e.getMessage());
      return pages.error(HttpStatus.SERVICE_UNAVAILABLE);
    }
    if (e instanceof HttpStatusException status) {
      return pages.error(status.getStatus());
    }
    if (e instanceof ConversionErrorException || e instanceof UnsatisfiedRouteException) {
      return pages.error(HttpStatus.BAD_REQUEST);
    }
    LOG.error("{} {} failed", request.getMethod(), request.getPath(), e);
    return pages.error(HttpStatus.INTERNAL_SERVER_ERROR);
  }
}
