package io.notejam.flask.web;

/** A record that does not exist or belongs to someone else: 404, never 403 (spec 5.6). */
public final class NotFoundException extends RuntimeException {
  public NotFoundException() {
    super("not found", null, false, false);
  }
}
