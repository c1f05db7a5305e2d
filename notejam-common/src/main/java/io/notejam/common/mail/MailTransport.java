package io.notejam.common.mail;

/**
 * Sends a message. Chosen by {@code notejam.mail.transport}: {@code log} (default), {@code smtp} or
 * {@code ses}.
 */
public interface MailTransport {
  String TRANSPORT_PROPERTY = "notejam.mail.transport";

  void send(MailMessage message) throws MailDeliveryException;
}
