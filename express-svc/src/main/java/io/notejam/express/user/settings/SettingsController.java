package io.notejam.express.user.settings;

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
import io.notejam.express.user.AccountForm;
import io.notejam.express.user.CurrentUser;
import io.notejam.express.user.Passwords;
import io.notejam.express.user.UserRepository;
import io.notejam.express.web.FieldErrors;
import io.notejam.express.web.Flash;
import io.notejam.express.web.FormBodyReader;
import io.notejam.express.web.Pages;
import io.notejam.express.web.Responses;

/**
 * Account settings: change password (spec 3.7). Unlike the original, the POST needs a signed-in
 * user (spec 8.2) and really stores the new password (spec 8.1).
 */
@Controller("/express/settings")
@Produces(MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SettingsController {
  private static final String TITLE = "Account settings";

  private final Pages pages;
  private final FormBodyReader forms;
  private final CurrentUser currentUser;
  private final UserRepository users;
  private final Passwords passwords;

  public SettingsController(
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
    return currentUser.require(
        request,
        (session, signedIn) ->
            pages.account(
                session, signedIn.user(), TITLE, AccountForm.settings(new FieldErrors())));
  }

  @Post(consumes = MediaType.ALL)
  public HttpResponse<?> change(HttpRequest<?> request, @Body @Nullable byte[] body) {
    return currentUser.require(
        request,
        (session, signedIn) -> {
          var form = forms.read(request, body);
          String current = form.value("password");
          String newPassword = form.value("new_password");
          FieldErrors errors = new FieldErrors();
          if (current.isEmpty()) {
            errors.add("password", "Password is required");
          }
          if (newPassword.isEmpty()) {
            errors.add("new_password", "New password is required");
          }
          if (!newPassword.equals(form.value("confirm_new_password"))) {
            errors.add("confirm_new_password", "Passwords do not match");
          }
          if (!errors.isEmpty()) {
            return pages.account(session, signedIn.user(), TITLE, AccountForm.settings(errors));
          }
          if (!passwords.matches(current, signedIn.user().passwordHash())) {
            Flash.error(session, "Current password is not correct");
            return Responses.found("/express/settings");
          }
          users.changePassword(signedIn.id(), passwords.hash(newPassword));
          Flash.success(session, "Password is successfully changed");
          return Responses.found(Responses.HOME);
        });
  }
}
