package io.notejam.flask.user.forgot;

import io.notejam.common.mail.MailDeliveryException;
import io.notejam.common.mail.MailMessage;
import io.notejam.common.mail.MailTransport;
import io.notejam.flask.db.Jdbc;
import io.notejam.flask.user.User;
import io.notejam.flask.user.UserRepository;
import io.notejam.flask.user.WerkzeugPasswords;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Gives a user a new random password by mail, in the original's order: set the new hash, send, then
 * commit (spec 4.7). A failed send rolls back, so the old password keeps working. The password is 8
 * lowercase hex characters as before, but from a secure random source instead of the original's
 * predictable md5(email + public key + date) (B7).
 */
@Singleton
public final class PasswordReset {
  static final String FROM = "from@notejamapp.com";
  static final String SUBJECT = "Notejam password";

  private final SecureRandom random = new SecureRandom();
  private final Jdbc jdbc;
  private final UserRepository users;
  private final WerkzeugPasswords passwords;
  private final MailTransport mail;

  public PasswordReset(
      Jdbc jdbc, UserRepository users, WerkzeugPasswords passwords, MailTransport mail) {
    this.jdbc = jdbc;
    this.users = users;
    this.passwords = passwords;
    this.mail = mail;
  }

  /** Resets and mails the password; throws (leaving it unchanged) when the mail cannot go. */
  public void reset(User user) throws MailDeliveryException {
    String password = newPassword();
    String hash = passwords.hash(password);
    try {
      jdbc.inTransaction(
          c -> {
            users.updatePassword(c, user.id(), hash);
            try {
              mail.send(
                  new MailMessage(FROM, user.email(), SUBJECT, "Your new password is " + password));
            } catch (MailDeliveryException e) {
              throw new UndeliveredMail(e);
            }
            return null;
          });
    } catch (UndeliveredMail e) {
      throw e.cause;
    }
  }

  private String newPassword() {
    byte[] bytes = new byte[4];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Carries the checked mail failure out of the transaction, which it rolls back. */
  private static final class UndeliveredMail extends RuntimeException {
    private final MailDeliveryException cause;

    UndeliveredMail(MailDeliveryException cause) {
      super(cause.getMessage(), cause, false, false);
      this.cause = cause;
    }
  }
}
