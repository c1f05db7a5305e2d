package io.notejam.flask.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The stylesheets go out as Flask sent them (spec 1.3), {@code text/css; charset=utf-8}; Micronaut
 * would name the type without the charset (it sets it late, only where none is set).
 */
@ServerFilter("/flask/static/**")
public final class StaticFiles {
  static final String CSS = "text/css; charset=utf-8";

  @ResponseFilter
  public void charset(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (response.status() == HttpStatus.OK && request.getPath().endsWith(".css")) {
      response.getHeaders().set(HttpHeaders.CONTENT_TYPE, CSS);
    }
  }
}
