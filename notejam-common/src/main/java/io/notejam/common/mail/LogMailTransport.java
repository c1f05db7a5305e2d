package io.notejam.common.mail;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the message to the log instead of sending it, as the original Express app's stub transport
 * did: the local default, where there is no mail server.
 */
@Singleton
@Requires(property = MailTransport.TRANSPORT_PROPERTY, value = "log", defaultValue = "log")
public class LogMailTransport implements MailTransport {
  private static final Logger LOG = LoggerFactory.getLogger("notejam.mail");

  @Override
  public void send(MailMessage message) {
    LOG.info(
        "Mail (log transport, not sent)\nFrom: {}\nTo: {}\nSubject: {}\nContent-Type: text/plain;"
            + " charset=utf-8\n\n{}",
        message.from(),
        message.to(),
        message.subject(),
        message.body());
  }
}
