package io.notejam.flask.user.signin;

import io.notejam.flask.web.Field;
import io.notejam.flask.web.FormData;
import io.notejam.flask.web.PythonText;

/** The sign-in form (spec 4.5): the credentials are checked only once it is valid. */
public final class SigninForm {
  private final Field email;
  private final Field password;

  private SigninForm(FormData data) {
    email = new Field("email", data.value("email"));
    password = new Field("password", data.value("password"));
  }

  public static SigninForm empty() {
    return new SigninForm(FormData.empty());
  }

  public static SigninForm of(FormData data) {
    return new SigninForm(data);
  }

  public boolean validate() {
    if (email.required() && !PythonText.isEmail(email.getValue())) {
      email.addError("Invalid email address.");
    }
    password.required();
    return !email.hasErrors() && !password.hasErrors();
  }

  public Field getEmail() {
    return email;
  }

  public Field getPassword() {
    return password;
  }
}
