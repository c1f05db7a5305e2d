package io.notejam.flask.user.signup;

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
import io.notejam.flask.user.UserRepository;
import io.notejam.flask.user.WerkzeugPasswords;
import io.notejam.flask.web.Flashes;
import io.notejam.flask.web.FormData;
import io.notejam.flask.web.Pages;
import io.notejam.flask.web.Redirects;
import java.util.Map;

/** {@code /flask/signup/}: creates an account; does not sign in (spec 4.4). */
@Controller("/flask/signup/")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(Pages.HTML)
public final class SignupController {
  private static final String VIEW = "user/signup";
  private static final String TITLE = "Sign Up";

  private final UserRepository users;
  private final WerkzeugPasswords passwords;
  private final SignedIn signedIn;
  private final CsrfTokens csrf;
  private final Pages pages;

  public SignupController(
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
    return render(request, SignupForm.empty());
  }

  @Post(consumes = MediaType.ALL)
  public HttpResponse<?> submit(HttpRequest<?> request, @Body @Nullable String body) {
    FormData data = FormData.parse(request, body);
    SignupForm form = SignupForm.of(data);
    CookieSession session = CookieSession.of(request);
    boolean tokenOk = csrf.accepts(session, data);
    if (!form.validate(users) || !tokenOk) {
      return render(request, form);
    }
    users.create(form.getEmail().getValue(), passwords.hash(form.getPassword().getValue()));
    Flashes.success(session, "Account is created. Now you can sign in.");
    return Redirects.found(request, "/flask/signin/");
  }

  private HttpResponse<?> render(HttpRequest<?> request, SignupForm form) {
    return pages.account(
        request, signedIn.user(request).orElse(null), VIEW, TITLE, Map.of("form", form));
  }
}
