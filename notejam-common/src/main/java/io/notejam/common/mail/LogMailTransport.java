package io.notejam.common.mail;

import io.micronaut.context.annotation.Requires;
import io.notejam.common.env.DeploymentMode;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the message to the log instead of sending it, as the original Express app's stub transport
 * did: the local default, where there is no mail server. In production ({@code
 * ENVIRONMENT=production}) the body is withheld: it holds a new password, and secrets never go into
 * logs.
 */
@Singleton
@Requires(property = MailTransport.TRANSPORT_PROPERTY, value = "log", defaultValue = "log")
public class LogMailTransport implements MailTransport {
  private static final Logger LOG = LoggerFactory.getLogger("notejam.mail");
  static final String WITHHELD =
      "(body withheld: ENVIRONMENT=production, and the body holds a password; set"
          + " NOTEJAM_MAIL_TRANSPORT=smtp or ses to deliver mail)";

  private final boolean production;

  public LogMailTransport(DeploymentMode mode) {
    this.production = mode.isProduction();
    if (production) {
      LOG.warn("Mail transport 'log' in production: mail is logged without its body, not sent");
    }
  }

  @Override
  public void send(MailMessage message) {
    LOG.info(
        "Mail (log transport, not sent)\nFrom: {}\nTo: {}\nSubject: {}\nContent-Type: text/plain;"
            + " charset=utf-8\n\n{}",
        message.from(),
        message.to(),
        message.subject(),
        production ? WITHHELD : message.body());
  }
}
