package io.notejam.express.user;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.notejam.common.session.CookieSession;
import io.notejam.express.db.Database;
import io.notejam.express.web.Responses;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Who is signed in: the session holds only the user's id (as the original's passport did) and the
 * user is reloaded on every request, so a deleted user is signed out at once. A signed-in page gets
 * the user, their pads and whatever else it shows in one read on one pooled connection.
 */
@Singleton
public class CurrentUser {
  private static final String KEY = "user_id";
  private static final PageQuery<Void> NOTHING = (connection, user) -> null;

  /** What a page reads besides the user, on the connection that has just read the user. */
  @FunctionalInterface
  public interface PageQuery<T> {
    T run(Connection connection, SignedIn user) throws SQLException;
  }

  /** A signed-in page showing what its {@link PageQuery} read. */
  @FunctionalInterface
  public interface PageWith<T> {
    HttpResponse<?> render(CookieSession session, SignedIn user, T read);
  }

  private record Read<T>(SignedIn user, T data) {}

  private final Database database;
  private final UserRepository users;

  public CurrentUser(Database database, UserRepository users) {
    this.database = database;
    this.users = users;
  }

  /** The signed-in user, if any, for pages that anyone may see. */
  public Optional<User> of(CookieSession session) {
    return id(session).flatMap(users::findById);
  }

  /** Runs {@code page} for a signed-in visitor; sends anyone else to the sign-in page. */
  public HttpResponse<?> require(
      HttpRequest<?> request, BiFunction<CookieSession, SignedIn, HttpResponse<?>> page) {
    return require(request, NOTHING, (session, user, nothing) -> page.apply(session, user));
  }

  /**
   * Runs {@code page} for a signed-in visitor with what {@code query} read right after the user, on
   * the same connection; sends anyone else to the sign-in page without running the query.
   */
  public <T> HttpResponse<?> require(HttpRequest<?> request, PageQuery<T> query, PageWith<T> page) {
    CookieSession session = CookieSession.of(request);
    Optional<Long> id = id(session);
    Optional<Read<T>> read =
        id.isEmpty()
            ? Optional.empty()
            : database.read(
                c -> {
                  Optional<SignedIn> user = users.findWithPads(c, id.get());
                  return user.isEmpty()
                      ? Optional.empty()
                      : Optional.of(new Read<>(user.get(), query.run(c, user.get())));
                });
    return read.<HttpResponse<?>>map(r -> page.render(session, r.user(), r.data()))
        .orElseGet(() -> Responses.found(Responses.SIGN_IN));
  }

  /** Whether the session names a user (who may since have been deleted); reads nothing. */
  public boolean isSignedIn(CookieSession session) {
    return id(session).isPresent();
  }

  public void signIn(CookieSession session, User user) {
    session.put(KEY, Long.toString(user.id()));
  }

  public void signOut(CookieSession session) {
    session.remove(KEY);
  }

  private static Optional<Long> id(CookieSession session) {
    return session.get(KEY).flatMap(CurrentUser::parseId);
  }

  private static Optional<Long> parseId(String value) {
    try {
      return Optional.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
