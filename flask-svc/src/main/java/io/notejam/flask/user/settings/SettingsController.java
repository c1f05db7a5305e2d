package io.notejam.flask.user.settings;

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

/** {@code /flask/settings/}: change the password; the user stays signed in (spec 4.8). */
@Controller("/flask/settings/")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(Pages.HTML)
public final class SettingsController {
  private static final String VIEW = "user/settings";
  private static final String TITLE = "Account Settings";

  private final UserRepository users;
  private final WerkzeugPasswords passwords;
  private final SignedIn signedIn;
  private final CsrfTokens csrf;
  private final Pages pages;

  public SettingsController(
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
    User user = signedIn.require(request);
    return render(request, user, SettingsForm.empty());
  }

  @Post(consumes = MediaType.ALL)
  public HttpResponse<?> submit(HttpRequest<?> request, @Body @Nullable String body) {
    User user = signedIn.require(request);
    FormData data = FormData.parse(request, body);
    SettingsForm form = SettingsForm.of(data);
    CookieSession session = CookieSession.of(request);
    boolean tokenOk = csrf.accepts(session, data);
    if (!form.validate(user, passwords) || !tokenOk) {
      return render(request, user, form);
    }
    users.updatePassword(user.id(), passwords.hash(form.getNewPassword().getValue()));
    Flashes.success(session, "Your password is successfully changed.");
    return Redirects.found(request, "/flask");
  }

  private HttpResponse<?> render(HttpRequest<?> request, User user, SettingsForm form) {
    return pages.account(request, user, VIEW, TITLE, Map.of("form", form));
  }
}
