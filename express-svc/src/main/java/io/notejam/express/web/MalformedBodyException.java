package io.notejam.express.web;

/** A request body that cannot be read as the form or JSON object it claims to be (answered 400). */
public class MalformedBodyException extends RuntimeException {
  public MalformedBodyException(String message, Throwable cause) {
    super(message, cause);
  }

  public MalformedBodyException(String message) {
    super(message);
  }
}
