package io.notejam.flask.user.forgot;

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
import io.notejam.common.mail.MailDeliveryException;
import io.notejam.common.session.CookieSession;
import io.notejam.flask.csrf.CsrfTokens;
import io.notejam.flask.user.SignedIn;
import io.notejam.flask.user.UserRepository;
import io.notejam.flask.web.ErrorPages;
import io.notejam.flask.web.Flashes;
import io.notejam.flask.web.FormData;
import io.notejam.flask.web.Pages;
import io.notejam.flask.web.Redirects;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /flask/forgot-password/} (spec 4.7). Success lands on {@code /flask}, which bounces an
 * anonymous user to sign-in with a second flash (B25). A failed send answers the plain 500 page and
 * changes nothing (B7).
 */
@Controller("/flask/forgot-password/")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(Pages.HTML)
public final class ForgotPasswordController {
  private static final Logger LOG = LoggerFactory.getLogger(ForgotPasswordController.class);
  private static final String VIEW = "user/forgotpassword";
  private static final String TITLE = "Forgot Password?";

  private final UserRepository users;
  private final PasswordReset reset;
  private final SignedIn signedIn;
  private final CsrfTokens csrf;
  private final Pages pages;

  public ForgotPasswordController(
      UserRepository users, PasswordReset reset, SignedIn signedIn, CsrfTokens csrf, Pages pages) {
    this.users = users;
    this.reset = reset;
    this.signedIn = signedIn;
    this.csrf = csrf;
    this.pages = pages;
  }

  @Get
  public HttpResponse<?> form(HttpRequest<?> request) {
    return render(request, ForgotPasswordForm.empty());
  }

  @Post(consumes = MediaType.ALL)
  public HttpResponse<?> submit(HttpRequest<?> request, @Body @Nullable String body) {
    FormData data = FormData.parse(request, body);
    ForgotPasswordForm form = ForgotPasswordForm.of(data);
    CookieSession session = CookieSession.of(request);
    boolean tokenOk = csrf.accepts(session, data);
    if (!form.validate(users) || !tokenOk) {
      return render(request, form);
    }
    try {
      reset.reset(form.user());
    } catch (MailDeliveryException e) {
      LOG.warn(
          "Password mail for user {} not sent, password unchanged: {}",
          form.user().id(),
          e.getMessage());
      return ErrorPages.internalServerError();
    }
    Flashes.success(session, "Find new password in your inbox");
    return Redirects.found(request, "/flask");
  }

  private HttpResponse<?> render(HttpRequest<?> request, ForgotPasswordForm form) {
    return pages.account(
        request, signedIn.user(request).orElse(null), VIEW, TITLE, Map.of("form", form));
  }
}
