package io.notejam.express.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.notejam.common.db.DatabaseUnavailable;
import io.notejam.common.session.CookieSession;
import io.notejam.express.note.NoteRepository;
import io.notejam.express.user.CurrentUser;
import io.notejam.express.user.CurrentUser.PageQuery;
import io.notejam.express.user.User;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error answers with the HTML error page and never a stack trace (spec 6.13, 8.17, 8.18): 404
 * for unknown routes and for methods a route does not take (the original has no 405), 400 for a
 * malformed body, 413 over 100 kB, 503 while the database is unreachable, 500 otherwise. The header
 * shows who is signed in, as the original's layout does on its error page. Error routes run on the
 * event loop ({@code @ExecuteOn} does not apply to them), so a page that reads the user is rendered
 * on the blocking pool. As in the original, where the owner check runs for every path under a pad
 * or note id (spec 4.6, 5.7), a signed-in visitor gets the plain-text 404 for an unknown sub-path
 * or method of a pad or note that is not theirs, and the HTML page only for one that is.
 */
@Controller
public class ErrorPages {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
  private static final Pattern RECORD_PATH = Pattern.compile("/express/(pads|notes)/([^/]+)(/.*)?");
  private final Pages pages;
  private final CurrentUser currentUser;
  private final NoteRepository notes;
  private final ExecutorService blocking;

  public ErrorPages(
      Pages pages,
      CurrentUser currentUser,
      NoteRepository notes,
      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
    this.pages = pages;
    this.currentUser = currentUser;
    this.notes = notes;
    this.blocking = blocking;
  }

  /**
   * No route for this path and method: under a pad or note id, the owner check decides between the
   * plain 404 (not the visitor's) and the HTML page; elsewhere the HTML page.
   */
  private CompletableFuture<HttpResponse<?>> noRoute(HttpRequest<?> request) {
    Matcher record = RECORD_PATH.matcher(request.getPath());
    CookieSession session = session(request);
    if (!record.matches() || session == null || !currentUser.isSignedIn(session)) {
      return page(request, HttpStatus.NOT_FOUND);
    }
    Optional<Long> id = Ids.parse(record.group(2));
    PageQuery<Boolean> owned =
        (c, user) ->
            id.isPresent()
                && (record.group(1).equals("pads")
                    ? user.pad(id.get()).isPresent()
                    : notes.one(id.get()).run(c, user).isPresent());
    return CompletableFuture.supplyAsync(
        () ->
            currentUser.require(
                request,
                owned,
                (s, user, isOwned) ->
                    isOwned
                        ? pages.error(HttpStatus.NOT_FOUND, user.user())
                        : Responses.notOwned(request)),
        blocking);
  }

  private static @Nullable CookieSession session(HttpRequest<?> request) {
    try {
      return CookieSession.of(request);
    } catch (IllegalStateException noSession) {
      return null;
    }
  }

  /**
   * The error page, with the signed-in visitor in its header: read on the blocking pool, and left
   * out when it cannot be read (no session because the request failed before it was opened, or no
   * database), since the error page itself must render.
   */
  private CompletableFuture<HttpResponse<?>> page(HttpRequest<?> request, HttpStatus status) {
    CookieSession session = session(request);
    if (session == null || !currentUser.isSignedIn(session)) {
      return CompletableFuture.completedFuture(pages.error(status, null));
    }
    CookieSession signedIn = session;
    return CompletableFuture.supplyAsync(
        () -> pages.error(status, visitor(request, signedIn)), blocking);
  }

  private @Nullable User visitor(HttpRequest<?> request, CookieSession session) {
    try {
      return currentUser.of(session).orElse(null);
    } catch (RuntimeException e) {
      LOG.warn(
          "{} {}: error page without the user: {}",
          request.getMethod(),
          request.getPath(),
          e.toString());
      return null;
    }
  }

  @Error(global = true, status = HttpStatus.NOT_FOUND)
  public CompletableFuture<HttpResponse<?>> notFound(HttpRequest<?> request) {
    return Responses.isNotOwned(request)
        ? CompletableFuture.completedFuture(Responses.notOwned(request))
        : noRoute(request);
  }

  @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
  public CompletableFuture<HttpResponse<?>> methodNotAllowed(HttpRequest<?> request) {
    return noRoute(request);
  }

  /** A request Micronaut refused as undecodable before routing (e.g. an undecodable path). */
  @Error(global = true, status = HttpStatus.BAD_REQUEST)
  public CompletableFuture<HttpResponse<?>> undecodable(HttpRequest<?> request) {
    return page(request, HttpStatus.BAD_REQUEST);
  }

  @Error(global = true, exception = MalformedBodyException.class)
  public CompletableFuture<HttpResponse<?>> malformedBody(HttpRequest<?> request) {
    return page(request, HttpStatus.BAD_REQUEST);
  }

  @Error(global = true, exception = ContentLengthExceededException.class)
  public CompletableFuture<HttpResponse<?>> tooLarge(HttpRequest<?> request) {
    return page(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE);
  }

  @Error(global = true, exception = Exception.class)
  public CompletableFuture<HttpResponse<?>> failure(HttpRequest<?> request, Exception e) {
    if (DatabaseUnavailable.isCause(e)) {
      LOG.warn(
          "{} {}: database unavailable: {}",
          request.getMethod(),
          request.getPath(),
          e.getMessage());
      return CompletableFuture.completedFuture(pages.error(HttpStatus.SERVICE_UNAVAILABLE, null));
    }
    if (e instanceof HttpStatusException status) {
      return page(request, status.getStatus());
    }
    if (e instanceof ConversionErrorException || e instanceof UnsatisfiedRouteException) {
      return page(request, HttpStatus.BAD_REQUEST);
    }
    LOG.error("{} {} failed", request.getMethod(), request.getPath(), e);
    return page(request, HttpStatus.INTERNAL_SERVER_ERROR);
  }
}
