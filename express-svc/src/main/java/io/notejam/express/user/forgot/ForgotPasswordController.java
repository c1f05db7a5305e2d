package io.notejam.express.user.forgot;

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
import io.notejam.common.mail.MailMessage;
import io.notejam.common.mail.MailTransport;
import io.notejam.common.password.RandomPasswords;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgot password (spec 3.6, 9.1): a new 8-letter password replaces the old one at once and is
 * mailed to the user. The answer does not depend on whether the mail went out; a failed send is
 * logged.
 */
@Controller("/express/forgot-password")
@Produces(MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ForgotPasswordController {
  static final String SENDER = "norepy@notejamapp.com";
  static final String SUBJECT = "New notejam password";
  private static final int NEW_PASSWORD_LENGTH = 8;
  private static final String TITLE = "Forgot password?";
  private static final Logger LOG = LoggerFactory.getLogger(ForgotPasswordController.class);

  private final Pages pages;
  private final FormBodyReader forms;
  private final CurrentUser currentUser;
  private final UserRepository users;
  private final Passwords passwords;
  private final MailTransport mail;

  public ForgotPasswordController(
      Pages pages,
      FormBodyReader forms,
      CurrentUser currentUser,
      UserRepository users,
      Passwords passwords,
      MailTransport mail) {
    this.pages = pages;
    this.forms = forms;
    this.currentUser = currentUser;
    this.users = users;
    this.passwords = passwords;
    this.mail = mail;
  }

  @Get
  public HttpResponse<?> form(HttpRequest<?> request) {
    CookieSession session = CookieSession.of(request);
    return pages.account(
        session,
        currentUser.of(session).orElse(null),
        TITLE,
        AccountForm.forgotPassword(new FieldErrors()));
  }

  @Post(consumes = MediaType.ALL)
  public HttpResponse<?> reset(HttpRequest<?> request, @Body @Nullable byte[] body) {
    String email = forms.read(request, body).value("email");
    CookieSession session = CookieSession.of(request);
    if (email.isEmpty()) {
      FieldErrors errors = new FieldErrors().add("email", "Email is required");
      return pages.account(
          session, currentUser.of(session).orElse(null), TITLE, AccountForm.forgotPassword(errors));
    }
    Optional<User> user = users.findByEmail(email);
    if (user.isEmpty()) {
      Flash.error(session, "No user with given email found");
      return Responses.found("/express/forgot-password");
    }
    String newPassword = RandomPasswords.lowercaseLetters(NEW_PASSWORD_LENGTH);
    users.changePassword(user.get().id(), passwords.hash(newPassword));
    send(new MailMessage(SENDER, email, SUBJECT, "Your new password: " + newPassword));
    Flash.success(session, "New password sent to your inbox");
    return Responses.found(Responses.SIGN_IN);
  }

  private void send(MailMessage message) {
    try {
      mail.send(message);
    } catch (MailDeliveryException | RuntimeException e) {
      LOG.error("Could not send the new password to user {}: {}", message.to(), e.getMessage());
    }
  }
}
