package io.notejam.express.user;

import io.notejam.express.web.FieldErrors;
import io.notejam.express.web.Page;

/**
 * One of the account frame's forms (sign in, sign up, forgot password, settings), never pre-filled.
 */
public record AccountForm(String template, FieldErrors errors) implements Page {
  public static AccountForm signIn(FieldErrors errors) {
    return new AccountForm("users/signin.jte", errors);
  }

  public static AccountForm signUp(FieldErrors errors) {
    return new AccountForm("users/signup.jte", errors);
  }

  public static AccountForm forgotPassword(FieldErrors errors) {
    return new AccountForm("users/forgot-password.jte", errors);
  }

  public static AccountForm settings(FieldErrors errors) {
    return new AccountForm("users/settings.jte", errors);
  }
}
