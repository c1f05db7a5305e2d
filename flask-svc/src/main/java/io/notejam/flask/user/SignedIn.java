package io.notejam.flask.user;

import io.micronaut.http.HttpRequest;
import io.notejam.common.session.CookieSession;
import io.notejam.flask.db.DatabaseException;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Flask-Login's part: who is signed in. The session holds {@code user_id}; each request loads that
 * user, and a session naming a user that no longer exists is quietly signed out (spec 4.1).
 */
@Singleton
public final class SignedIn {
  static final String USER_ID = "user_id";
  private static final String FRESH = "_fresh";
  private static final String ATTRIBUTE = SignedIn.class.getName();

  private final UserRepository users;

  public SignedIn(UserRepository users) {
    this.users = users;
  }

  /** The signed-in user, loaded once per request. */
  public Optional<User> user(HttpRequest<?> request) {
    Optional<User> cached = request.getAttribute(ATTRIBUTE, User.class);
    if (cached.isPresent()) {
      return cached;
    }
    CookieSession session = CookieSession.of(request);
    Optional<User> user = session.get(USER_ID).flatMap(SignedIn::parseId).flatMap(users::findById);
    remember(request, session, user);
    return user;
  }

  /** The signed-in user, or a redirect to the sign-in page (spec 4.3). */
  public User require(HttpRequest<?> request) {
    return user(request).orElseThrow(LoginRequiredException::new);
  }

  /**
   * For a page in the app frame: the signed-in user with the pads of the sidebar, in one query on
   * the caller's connection; or a redirect to the sign-in page.
   */
  public UserWithPads requireWithPads(HttpRequest<?> request, Connection c) {
    CookieSession session = CookieSession.of(request);
    Optional<Long> id = session.get(USER_ID).flatMap(SignedIn::parseId);
    Optional<UserWithPads> found;
    try {
      found = id.isPresent() ? users.findWithPads(c, id.get()) : Optional.empty();
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
    remember(request, session, found.map(UserWithPads::user));
    return found.orElseThrow(LoginRequiredException::new);
  }

  private void remember(HttpRequest<?> request, CookieSession session, Optional<User> user) {
    if (user.isPresent()) {
      request.setAttribute(ATTRIBUTE, user.get());
    } else if (session.get(USER_ID).isPresent()) {
      signOut(session);
    }
  }

  public void signIn(HttpRequest<?> request, User user) {
    CookieSession session = CookieSession.of(request);
    session.put(USER_ID, Long.toString(user.id()));
    session.put(FRESH, "True");
    request.setAttribute(ATTRIBUTE, user);
  }

  /** Removes the sign-in and nothing else: the CSRF value and flashes stay (spec 4.6). */
  public void signOut(CookieSession session) {
    session.remove(USER_ID);
    session.remove(FRESH);
  }

  private static Optional<Long> parseId(String value) {
    try {
      return Optional.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
