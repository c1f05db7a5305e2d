package io.notejam.common.session;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.ServerFilterPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the session cookie before the application sees a request, and seals it back into the
 * response when the session changed, or to slide the idle timeout. Nothing is stored on the server,
 * so any instance behind the load balancer serves any user.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class SessionFilter implements Ordered {
  /** Runs early; order application filters that use the session after it (higher numbers). */
  public static final int ORDER = ServerFilterPhase.SESSION.order();

  /** A session cookie is re-issued at most this often when only the idle clock moves. */
  static final long SLIDE_EVERY_SECONDS = 60;

  private final SealedCookieCodec codec;
  private final SessionSettings settings;
  private final Clock clock;

  SessionFilter(SealedCookieCodec codec, SessionSettings settings, Clock clock) {
    this.codec = codec;
    this.settings = settings;
    this.clock = clock;
  }

  @Inject
  public SessionFilter(SealedCookieCodec codec, SessionSettings settings) {
    this(codec, settings, Clock.systemUTC());
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @RequestFilter
  public void openSession(HttpRequest<?> request) {
    long now = clock.instant().getEpochSecond();
    String name = settings.getCookieName();
    Optional<SealedCookieCodec.Contents> contents =
        request
            .getCookies()
            .findCookie(name)
            .flatMap(cookie -> codec.open(name, cookie.getValue()))
            .filter(c -> now - c.lastUsedEpochSecond() < settings.getIdleTimeout().toSeconds());
    CookieSession session =
        contents
            .map(c -> new CookieSession(c.attributes(), false, c.lastUsedEpochSecond()))
            .orElseGet(() -> new CookieSession(Map.of(), true, now));
    request.setAttribute(CookieSession.REQUEST_ATTRIBUTE, session);
  }

  @ResponseFilter
  public void sealSession(HttpRequest<?> request, MutableHttpResponse<?> response) {
    Optional<CookieSession> found =
        request.getAttribute(CookieSession.REQUEST_ATTRIBUTE, CookieSession.class);
    if (found.isEmpty()) {
      return;
    }
    CookieSession session = found.get();
    long now = clock.instant().getEpochSecond();
    boolean sliding = now - session.lastUsedEpochSecond() >= SLIDE_EVERY_SECONDS;
    if (session.isEmpty()) {
      if (!session.isNew() && (session.isModified() || sliding)) {
        response.cookie(cookie("").maxAge(0));
      }
      return;
    }
    if (session.isModified() || session.isNew() || sliding) {
      String value =
          codec.seal(
              settings.getCookieName(), new SealedCookieCodec.Contents(session.attributes(), now));
      response.cookie(cookie(value));
    }
  }

  private Cookie cookie(String value) {
    return Cookie.of(settings.getCookieName(), value)
        .path("/")
        .httpOnly(true)
        .secure(settings.isSecureCookie())
        .sameSite(settings.getSameSite());
  }
}
