package io.notejam.express.csrf;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.filter.ServerFilterPhase;
import java.net.URI;

/**
 * Refuses cross-site form posts (403 page). Browsers say where a request comes from in {@code
 * Sec-Fetch-Site} and {@code Origin}; a request with neither (curl, the original's test suite, old
 * browsers) is let through, which the {@code SameSite=Lax} session cookie makes safe: a cross-site
 * POST from a browser carries no session.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CrossSiteFormFilter implements Ordered {
  private static final String SEC_FETCH_SITE = "Sec-Fetch-Site";
  private static final String FORWARDED_HOST = "X-Forwarded-Host";

  /** Throws, so that the 403 is answered by the error pages like any other error. */
  @RequestFilter
  public void refuseCrossSite(HttpRequest<?> request) {
    HttpMethod method = request.getMethod();
    boolean safe =
        method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    if (!safe && isCrossSite(request)) {
      throw new HttpStatusException(HttpStatus.FORBIDDEN, "Cross-site form post refused");
    }
  }

  static boolean isCrossSite(HttpRequest<?> request) {
    if ("cross-site".equalsIgnoreCase(request.getHeaders().get(SEC_FETCH_SITE))) {
      return true;
    }
    String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
    if (origin == null) {
      return false;
    }
    String authority;
    try {
      authority = URI.create(origin.trim()).getAuthority();
    } catch (IllegalArgumentException e) {
      return true;
    }
    return authority == null
        || !(authority.equalsIgnoreCase(request.getHeaders().get(HttpHeaders.HOST))
            || authority.equalsIgnoreCase(request.getHeaders().get(FORWARDED_HOST)));
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.RENDERING.after();
  }
}
