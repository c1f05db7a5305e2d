package io.notejam.flask.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

/** Query parameters as Flask's {@code request.args.get} reads them: the first of repeated ones. */
public final class Query {
  private Query() {}

  public static @Nullable String first(HttpRequest<?> request, String name) {
    return request.getParameters().getAll(name).stream().findFirst().orElse(null);
  }
}
