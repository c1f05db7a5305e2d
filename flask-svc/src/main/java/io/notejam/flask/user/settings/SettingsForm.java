package io.notejam.flask.user.settings;

import io.notejam.flask.user.User;
import io.notejam.flask.user.WerkzeugPasswords;
import io.notejam.flask.web.Field;
import io.notejam.flask.web.FormData;

/** The change-password form (spec 4.8). Its inputs always render empty. */
public final class SettingsForm {
  private final Field oldPassword;
  private final Field newPassword;
  private final Field repeatNewPassword;

  private SettingsForm(FormData data) {
    oldPassword = new Field("old_password", data.value("old_password"));
    newPassword = new Field("new_password", data.value("new_password"));
    repeatNewPassword = new Field("repeat_new_password", data.value("repeat_new_password"));
  }

  public static SettingsForm empty() {
    return new SettingsForm(FormData.empty());
  }

  public static SettingsForm of(FormData data) {
    return new SettingsForm(data);
  }

  public boolean validate(User user, WerkzeugPasswords passwords) {
    if (oldPassword.required() && !passwords.verify(user.passwordHash(), oldPassword.getValue())) {
      oldPassword.addError("Incorrect old password");
    }
    newPassword.required();
    if (repeatNewPassword.required()
        && !repeatNewPassword.getValue().equals(newPassword.getValue())) {
      repeatNewPassword.addError("Your passwords don't match");
    }
    return !oldPassword.hasErrors() && !newPassword.hasErrors() && !repeatNewPassword.hasErrors();
  }

  public Field getOldPassword() {
    return oldPassword;
  }

  public Field getNewPassword() {
    return newPassword;
  }

  public Field getRepeatNewPassword() {
    return repeatNewPassword;
  }
}
