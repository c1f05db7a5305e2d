package io.notejam.flask.user;

/** An anonymous request for a page that needs a signed-in user; answered with a redirect. */
public final class LoginRequiredException extends RuntimeException {
  public LoginRequiredException() {
    super("login required", null, false, false);
  }
}
