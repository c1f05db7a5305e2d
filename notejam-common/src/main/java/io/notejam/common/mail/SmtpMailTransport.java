package io.notejam.common.mail;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** Delivers over SMTP (Jakarta Mail), with optional STARTTLS and authentication. */
@Singleton
@Requires(property = MailTransport.TRANSPORT_PROPERTY, value = "smtp")
public class SmtpMailTransport implements MailTransport {
  private final Session session;

  public SmtpMailTransport(SmtpSettings settings) {
    Properties props = new Properties();
    String timeout = Long.toString(settings.getTimeout().toMillis());
    props.put("mail.smtp.host", settings.getHost());
    props.put("mail.smtp.port", Integer.toString(settings.getPort()));
    props.put("mail.smtp.connectiontimeout", timeout);
    props.put("mail.smtp.timeout", timeout);
    props.put("mail.smtp.writetimeout", timeout);
    props.put("mail.smtp.starttls.enable", Boolean.toString(settings.isStarttls()));
    props.put("mail.smtp.starttls.required", Boolean.toString(settings.isStarttls()));
    String user = settings.getUsername();
    if (user != null && !user.isBlank()) {
      props.put("mail.smtp.auth", "true");
      String password = settings.getPassword() == null ? "" : settings.getPassword();
      this.session =
          Session.getInstance(
              props,
              new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                  return new PasswordAuthentication(user, password);
                }
              });
    } else {
      this.session = Session.getInstance(props);
    }
  }

  @Override
  public void send(MailMessage message) throws MailDeliveryException {
    try {
      MimeMessage mime = new MimeMessage(session);
      mime.setFrom(new InternetAddress(message.from()));
      mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to()));
      mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      mime.setText(message.body(), StandardCharsets.UTF_8.name());
      mime.setSentDate(new Date());
      Transport.send(mime);
    } catch (MessagingException e) {
      throw new MailDeliveryException("SMTP delivery failed: " + e.getMessage(), e);
    }
  }
}
