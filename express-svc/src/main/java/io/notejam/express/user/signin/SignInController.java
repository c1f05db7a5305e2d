package io.notejam.express.user.signin;

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
import io.notejam.express.user.AccountForm;
import io.notejam.express.user.CurrentUser;
import io.notejam.express.user.Passwords;
import io.notejam.express.user.User;
import io.notejam.express.user.UserRepository;
import io.notejam.express.web.FieldErrors;
import io.notejam.express.web.Flash;
import io.notejam.express.web.FormBodyReader;
import io.notejam.express.web.Pages;
import io.notejam.express.web.Responses;
import java.util.Optional;

/** Sign in and sign out (spec 3.4, 3.5). Sign-in always lands on {@code /express}. */
@Controller("/express")
@Produces(MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SignInController {
  private static final String TITLE = "Sign In";

  private final Pages pages;
  private final FormBodyReader forms;
  private final CurrentUser currentUser;
  private final UserRepository users;
  private final Passwords passwords;

  public SignInController(
      Pages pages,
      FormBodyReader forms,
      CurrentUser currentUser,
      UserRepository users,
      Passwords passwords) {
    this.pages = pages;
    this.forms = forms;
    this.currentUser = currentUser;
    this.users = users;
    this.passwords = passwords;
  }

  @Get("/signin")
  public HttpResponse<?> form(HttpRequest<?> request) {
    CookieSession session = CookieSession.of(request);
    return pages.account(
        session,
        currentUser.of(session).orElse(null),
        TITLE,
        AccountForm.signIn(new FieldErrors()));
  }

  @Post(value = "/signin", consumes = MediaType.ALL)
  public HttpResponse<?> signIn(HttpRequest<?> request, @Body @Nullable byte[] body) {
    var form = forms.read(request, body);
    String email = form.value("email");
    String password = form.value("password");
    CookieSession session = CookieSession.of(request);
    FieldErrors errors = new FieldErrors();
    if (email.isEmpty()) {
      errors.add("email", "Email is required");
    }
    if (password.isEmpty()) {
      errors.add("password", "Password is required");
    }
    if (!errors.isEmpty()) {
      return pages.account(
          session, currentUser.of(session).orElse(null), TITLE, AccountForm.signIn(errors));
    }
    Optional<User> user = users.findByEmail(email);
    if (user.isEmpty()) {
      Flash.error(session, "Unknown user " + email);
      return Responses.found(Responses.SIGN_IN);
    }
    if (!passwords.matches(password, user.get().passwordHash())) {
      Flash.error(session, "Invalid password");
      return Responses.found(Responses.SIGN_IN);
    }
    currentUser.signIn(session, user.get());
    return Responses.found(Responses.HOME);
  }

  @Get("/signout")
  public HttpResponse<?> signOut(HttpRequest<?> request) {
    currentUser.signOut(CookieSession.of(request));
    return Responses.found(Responses.SIGN_IN);
  }
}
