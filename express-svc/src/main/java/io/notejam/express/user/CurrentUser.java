package io.notejam.express.user;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.notejam.common.session.CookieSession;
import io.notejam.express.web.Responses;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Who is signed in: the session holds only the user's id (as the original's passport did) and the
 * user is reloaded on every request, so a deleted user is signed out at once.
 */
@Singleton
public class CurrentUser {
  private static final String KEY = "user_id";
  private final UserRepository users;

  public CurrentUser(UserRepository users) {
    this.users = users;
  }

  public Optional<User> of(CookieSession session) {
    return session.get(KEY).flatMap(CurrentUser::parseId).flatMap(users::findById);
  }

  /** Runs {@code page} for a signed-in visitor; sends anyone else to the sign-in page. */
  public HttpResponse<?> require(
      HttpRequest<?> request, BiFunction<CookieSession, User, HttpResponse<?>> page) {
    CookieSession session = CookieSession.of(request);
    return of(session)
        .<HttpResponse<?>>map(user -> page.apply(session, user))
        .orElseGet(() -> Responses.found(Responses.SIGN_IN));
  }

  public void signIn(CookieSession session, User user) {
    session.put(KEY, Long.toString(user.id()));
  }

  public void signOut(CookieSession session) {
    session.remove(KEY);
  }

  private static Optional<Long> parseId(String value) {
    try {
      return Optional.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
