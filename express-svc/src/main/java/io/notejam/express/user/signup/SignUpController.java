package io.notejam.express.user.signup;

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
import io.notejam.express.user.UserRepository;
import io.notejam.express.web.FieldErrors;
import io.notejam.express.web.Flash;
import io.notejam.express.web.FormBodyReader;
import io.notejam.express.web.Pages;
import io.notejam.express.web.Responses;
import java.util.regex.Pattern;

/**
 * Sign up (spec 3.3). {@code confirm_password} is not checked, as in the original (spec 8.3); the
 * new user is not signed in.
 */
@Controller("/express/signup")
@Produces(MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SignUpController {
  /** The original's email rule, case-insensitive; the column holds 75 characters. */
  private static final Pattern EMAIL =
      Pattern.compile("^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,6}$", Pattern.CASE_INSENSITIVE);

  private static final int EMAIL_COLUMN_LENGTH = 75;
  private static final String TITLE = "Sign Up";

  private final Pages pages;
  private final FormBodyReader forms;
  private final CurrentUser currentUser;
  private final UserRepository users;
  private final Passwords passwords;

  public SignUpController(
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

  @Get
  public HttpResponse<?> form(HttpRequest<?> request) {
    CookieSession session = CookieSession.of(request);
    return pages.account(
        session,
        currentUser.of(session).orElse(null),
        TITLE,
        AccountForm.signUp(new FieldErrors()));
  }

  @Post(consumes = MediaType.ALL)
  public HttpResponse<?> signUp(HttpRequest<?> request, @Body @Nullable byte[] body) {
    var form = forms.read(request, body);
    String email = form.value("email");
    String password = form.value("password");
    FieldErrors errors = new FieldErrors();
    boolean emailValid = email.length() <= EMAIL_COLUMN_LENGTH && EMAIL.matcher(email).matches();
    if (!emailValid) {
      errors.add("email", "Invalid email");
    } else if (users.findByEmail(email).isPresent()) {
      errors.add("email", "User with given email already exists!");
    }
    if (password.isEmpty()) {
      errors.add("password", "Password is required");
    }
    if (errors.isEmpty() && users.create(email, passwords.hash(password)).isEmpty()) {
      errors.add("email", "User with given email already exists!");
    }
    CookieSession session = CookieSession.of(request);
    if (!errors.isEmpty()) {
      return pages.account(
          session, currentUser.of(session).orElse(null), TITLE, AccountForm.signUp(errors));
    }
    Flash.success(session, "User is successfully created. Now you can sign in.");
    return Responses.found(Responses.SIGN_IN);
  }
}
