package io.notejam.express.health;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * {@code /health}, any method, any case, with or without a trailing slash (spec 1.4): 200 with an
 * empty body while the database answers, 503 while it does not. It runs before every other filter,
 * so the load balancer's checks cost no routing and get no session cookie.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class HealthFilter implements Ordered {
  private final DatabaseState database;

  public HealthFilter(DatabaseState database) {
    this.database = database;
  }

  @RequestFilter
  @Nullable
  public HttpResponse<?> health(HttpRequest<?> request) {
    if (!isHealthPath(request.getPath())) {
      return null;
    }
    return database.isUp()
        ? HttpResponse.ok()
        : HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE);
  }

  static boolean isHealthPath(String path) {
    return path.equalsIgnoreCase("/health") || path.equalsIgnoreCase("/health/");
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.before();
  }
}
