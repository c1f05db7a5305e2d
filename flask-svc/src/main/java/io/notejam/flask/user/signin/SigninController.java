package io.notejam.flask.user.signin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.notejam.common.session.CookieSession;
import io.notejam.flask.csrf.CsrfTokens;
import io.notejam.flask.user.SignedIn;
import io.notejam.flask.user.User;
import io.notejam.flask.user.UserRepository;
import io.notejam.flask.user.WerkzeugPasswords;
import io.notejam.flask.web.Flashes;
import io.notejam.flask.web.FormData;
import io.notejam.flask.web.Pages;
import io.notejam.flask.web.Redirects;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /flask/signin/} (spec 4.5). Always lands on {@code /flask}, whatever {@code next} says
 * (B6). A hash in an older or weaker format is replaced by a current one once the password is known
 * to be right: how the original's {@code sha1$} hashes move to PBKDF2.
 */
@Controller("/flask/signin/")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(Pages.HTML)
public final class SigninController {
  private static final String VIEW = "user/signin";
  private static final String TITLE = "Sign In";

  private final UserRepository users;
  private final WerkzeugPasswords passwords;
  private final SignedIn signedIn;
  private final CsrfTokens csrf;
  private final Pages pages;

  public SigninController(
      UserRepository users,
      WerkzeugPasswords passwords,
      SignedIn signedIn,
      CsrfTokens csrf,
      Pages pages) {
    this.users = users;
    this.passwords = passwords;
    this.signedIn = signedIn;
    this.csrf = csrf;
    this.pages = pages;
  }

  @Get
  public HttpResponse<?> form(HttpRequest<?> request) {
    return render(request, SigninForm.empty());
  }

  @Post(consumes = MediaType.ALL)
  public HttpResponse<?> submit(HttpRequest<?> request, @Body @Nullable String body) {
    FormData data = FormData.parse(request, body);
    SigninForm form = SigninForm.of(data);
    CookieSession session = CookieSession.of(request);
    boolean tokenOk = csrf.accepts(session, data);
    if (!form.validate() || !tokenOk) {
      return render(request, form);
    }
    String password = form.getPassword().getValue();
    Optional<User> user =
        users
            .findByEmail(form.getEmail().getValue())
            .filter(u -> passwords.verify(u.passwordHash(), password));
    if (user.isEmpty()) {
      Flashes.error(session, "Wrong email or password");
      return render(request, form);
    }
    if (passwords.needsRehash(user.get().passwordHash())) {
      users.updatePassword(user.get().id(), passwords.hash(password));
    }
    signedIn.signIn(request, user.get());
    Flashes.success(session, "You are signed in!");
    return Redirects.found(request, "/flask");
  }

  private HttpResponse<?> render(HttpRequest<?> request, SigninForm form) {
    return pages.account(
        request, signedIn.user(request).orElse(null), VIEW, TITLE, Map.of("form", form));
  }
}
