package io.notejam.common.mail;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.Set;

/**
 * Refuses to start with a mistyped transport instead of failing on the first forgotten password.
 */
@Context
public class MailTransportCheck {
  static final Set<String> TRANSPORTS = Set.of("log", "smtp", "ses");

  public MailTransportCheck(@Value("${" + MailTransport.TRANSPORT_PROPERTY + ":log}") String name) {
    if (!TRANSPORTS.contains(name)) {
      throw new ConfigurationException(
          MailTransport.TRANSPORT_PROPERTY + " must be one of log, smtp, ses; got '" + name + "'");
    }
  }
}
