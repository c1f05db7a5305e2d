package io.notejam.flask.web;

/** A request the server cannot understand (e.g. a malformed form body): 400. */
public final class BadRequestException extends RuntimeException {
  public BadRequestException(String message) {
    super(message, null, false, false);
  }
}
