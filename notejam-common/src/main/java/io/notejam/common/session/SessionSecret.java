package io.notejam.common.session;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.notejam.common.env.DeploymentMode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session secret, checked at start-up: in production ({@code ENVIRONMENT=production}) the
 * service refuses to start without one of at least {@value #MIN_LENGTH} characters; elsewhere a
 * random one is made for this process, which is fine for one local instance.
 */
@Context
public class SessionSecret {
  static final int MIN_LENGTH = 32;
  private static final Logger LOG = LoggerFactory.getLogger(SessionSecret.class);

  private final byte[] secret;

  public SessionSecret(SessionSettings settings, DeploymentMode mode) {
    String configured = settings.getSecret();
    if (configured != null && configured.length() >= MIN_LENGTH) {
      secret = configured.getBytes(StandardCharsets.UTF_8);
    } else if (mode.isProduction()) {
      throw new ConfigurationException(
          "ENVIRONMENT=production needs a session secret: set NOTEJAM_SESSION_SECRET"
              + " (notejam.session.secret) to at least "
              + MIN_LENGTH
              + " random characters, the same on every task");
    } else {
      if (configured != null && !configured.isEmpty()) {
        LOG.warn("notejam.session.secret is shorter than {} characters: ignored", MIN_LENGTH);
      }
      LOG.warn(
          "No session secret configured: using a random one, so sessions end when this process"
              + " stops and are not shared with other instances");
      secret = new byte[MIN_LENGTH];
      new SecureRandom().nextBytes(secret);
    }
  }

  byte[] bytes() {
    return secret.clone();
  }
}
