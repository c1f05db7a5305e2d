package io.notejam.common.mail;

/** The transport could not hand the message over; the caller decides what the user sees. */
public class MailDeliveryException extends Exception {
  public MailDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
