package io.notejam.flask.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteMatch;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Werkzeug's routing rules where Micronaut's differ. Micronaut treats a trailing slash as optional;
 * the original declares every route under {@code /flask/} with one, and {@code /flask} and {@code
 * /health} without. So {@code /flask/signin} answers 301 to {@code /flask/signin/} (for every
 * method: B12 fixed), and {@code /flask/} or {@code /health/} is a 404 (B13). OPTIONS is answered
 * here too, with the allowed methods and without running the view (so without a login check).
 */
@ServerFilter({"/flask/**", "/flask", "/health/**", "/health"})
public final class Routing implements Ordered {
  private static final Set<String> UNSLASHED = Set.of("/flask/", "/health/");

  private final Router router;

  public Routing(Router router) {
    this.router = router;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.order();
  }

  @RequestFilter
  @Nullable
  public HttpResponse<?> route(HttpRequest<?> request) {
    String path = request.getPath();
    if (path.startsWith("/flask/static/")) {
      return null;
    }
    if (UNSLASHED.contains(path)) {
      return ErrorPages.notFound();
    }
    // The router is asked only when the answer can change something: most requests pass untouched.
    boolean slashless = path.startsWith("/flask/") && !path.endsWith("/");
    boolean options = request.getMethod() == HttpMethod.OPTIONS;
    if (!slashless && !options) {
      return null;
    }
    List<UriRouteMatch<Object, Object>> matches = router.findAny(path, request).toList();
    if (matches.isEmpty()) {
      return null;
    }
    if (slashless) {
      String query = request.getUri().getRawQuery();
      return Redirects.moved(request, path + "/" + (query == null ? "" : "?" + query));
    }
    return HttpResponse.ok()
        .header(HttpHeaders.ALLOW, allowed(matches))
        .contentType(Pages.HTML)
        .contentLength(0);
  }

  /**
   * The {@code Allow} header for a path: its routes' methods, plus HEAD and OPTIONS, in the order
   * Werkzeug 0.8.3 printed them (a Python set's order, so fixed per set).
   */
  String allowedMethods(HttpRequest<?> request) {
    return allowed(router.findAny(request.getPath(), request).toList());
  }

  private static String allowed(List<UriRouteMatch<Object, Object>> matches) {
    Set<String> methods = new HashSet<>();
    matches.forEach(m -> methods.add(m.getRouteInfo().getHttpMethodName()));
    methods.removeAll(Set.of("HEAD", "OPTIONS"));
    if (methods.equals(Set.of("GET"))) {
      return "HEAD, OPTIONS, GET";
    }
    if (methods.equals(Set.of("GET", "POST"))) {
      return "HEAD, GET, POST, OPTIONS";
    }
    Set<String> any = new LinkedHashSet<>(List.of("HEAD", "OPTIONS"));
    any.addAll(methods);
    return String.join(", ", any);
  }
}
