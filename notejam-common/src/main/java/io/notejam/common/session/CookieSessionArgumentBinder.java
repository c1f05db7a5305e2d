package io.notejam.common.session;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

/** Lets a controller method take the request's {@link CookieSession} as an argument. */
@Singleton
public class CookieSessionArgumentBinder implements TypedRequestArgumentBinder<CookieSession> {
  @Override
  public Argument<CookieSession> argumentType() {
    return Argument.of(CookieSession.class);
  }

  @Override
  public BindingResult<CookieSession> bind(
      ArgumentConversionContext<CookieSession> context, HttpRequest<?> source) {
    return () -> source.getAttribute(CookieSession.REQUEST_ATTRIBUTE, CookieSession.class);
  }
}
