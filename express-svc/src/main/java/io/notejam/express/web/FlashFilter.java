package io.notejam.express.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.notejam.common.session.CookieSession;
import io.notejam.common.session.SessionFilter;

/**
 * Every request takes the pending flash messages, as the original's middleware moved them into the
 * page variables before any route ran (spec 6.1, 9.5): a request that renders no page (a redirect,
 * a 404) loses them. Not taken by what the original served before that middleware: the {@code
 * /express} → {@code /express/} hop, static files and the favicon.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class FlashFilter implements Ordered {
  private static final String STATIC_PREFIX = "/express/stylesheets";

  @Override
  public int getOrder() {
    return SessionFilter.ORDER + 1; // after the session is opened, before it is sealed
  }

  @RequestFilter
  public void take(HttpRequest<?> request) {
    if (!beforeFlashMiddleware(request)) {
      Flash.takeForThisRequest(CookieSession.of(request));
    }
  }

  @ResponseFilter
  public void dropUnshown(HttpRequest<?> request, MutableHttpResponse<?> response) {
    Flash.dropTaken(CookieSession.of(request));
  }

  private static boolean beforeFlashMiddleware(HttpRequest<?> request) {
    String path = request.getPath();
    boolean read = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
    return path.equals("/favicon.ico")
        || (read && (path.equals(Responses.HOME) || path.startsWith(STATIC_PREFIX)));
  }
}
