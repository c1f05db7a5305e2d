package io.notejam.flask.user.forgot;

import io.notejam.flask.user.User;
import io.notejam.flask.user.UserRepository;
import io.notejam.flask.web.Field;
import io.notejam.flask.web.FormData;
import io.notejam.flask.web.PythonText;
import java.util.Optional;

/** The forgot-password form (spec 4.7). It says whether an address is registered (B26). */
public final class ForgotPasswordForm {
  private final Field email;
  private User user;

  private ForgotPasswordForm(FormData data) {
    email = new Field("email", data.value("email"));
  }

  public static ForgotPasswordForm empty() {
    return new ForgotPasswordForm(FormData.empty());
  }

  public static ForgotPasswordForm of(FormData data) {
    return new ForgotPasswordForm(data);
  }

  public boolean validate(UserRepository users) {
    if (email.required()) {
      if (!PythonText.isEmail(email.getValue())) {
        email.addError("Invalid email address.");
      }
      Optional<User> found = users.findByEmail(email.getValue());
      if (found.isEmpty()) {
        email.addError("No user with given email found");
      }
      user = found.orElse(null);
    }
    return !email.hasErrors();
  }

  /** The user the valid form names. */
  public User user() {
    return user;
  }

  public Field getEmail() {
    return email;
  }
}
