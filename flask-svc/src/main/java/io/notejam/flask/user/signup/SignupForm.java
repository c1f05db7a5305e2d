package io.notejam.flask.user.signup;

import io.notejam.flask.user.UserRepository;
import io.notejam.flask.web.Field;
import io.notejam.flask.web.FormData;
import io.notejam.flask.web.PythonText;

/** The sign-up form and its WTForms rules (spec 4.4). */
public final class SignupForm {
  private final Field email;
  private final Field password;
  private final Field repeatPassword;

  private SignupForm(FormData data) {
    email = new Field("email", data.value("email"));
    password = new Field("password", data.value("password"));
    repeatPassword = new Field("repeat_password", data.value("repeat_password"));
  }

  public static SignupForm empty() {
    return new SignupForm(FormData.empty());
  }

  public static SignupForm of(FormData data) {
    return new SignupForm(data);
  }

  /** Runs every field's validators, as WTForms does, and says whether all passed. */
  public boolean validate(UserRepository users) {
    if (email.required()) {
      if (!PythonText.isEmail(email.getValue())) {
        email.addError("Invalid email address.");
      }
      // The uniqueness check runs even after a pattern failure, as in the original.
      if (users.findByEmail(email.getValue()).isPresent()) {
        email.addError("User with this email is already signed up");
      }
    }
    password.required();
    if (repeatPassword.required() && !repeatPassword.getValue().equals(password.getValue())) {
      repeatPassword.addError("Your passwords do not match");
    }
    return !email.hasErrors() && !password.hasErrors() && !repeatPassword.hasErrors();
  }

  public Field getEmail() {
    return email;
  }

  public Field getPassword() {
    return password;
  }

  public Field getRepeatPassword() {
    return repeatPassword;
  }
}
