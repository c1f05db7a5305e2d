package io.notejam.common.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.notejam.testsupport.EmulatorMailbox;
import io.notejam.testsupport.TestAws;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MailTransportTest {
  static final String SENDER = "norepy@notejamapp.com";

  @Test
  void logIsTheDefaultAndWritesTheWholeMessage() throws Exception {
    List<String> logged =
        logWritten(
            base(),
            transport -> {
              assertInstanceOf(LogMailTransport.class, transport);
              transport.send(
                  new MailMessage(
                      SENDER, "u@example.com", "New notejam password", "Your new password: abc"));
            });
    String mail = logged.get(0);
    assertTrue(mail.contains("To: u@example.com"), mail);
    assertTrue(mail.contains("Subject: New notejam password"), mail);
    assertTrue(mail.endsWith("Your new password: abc"), mail);
  }

  @Test
  void logInProductionWithholdsTheBodyThatHoldsThePassword() throws Exception {
    Map<String, Object> props = base();
    props.put("environment", "production");
    String all =
        String.join(
            "\n",
            logWritten(
                props,
                transport ->
                    transport.send(
                        new MailMessage(
                            SENDER,
                            "u@example.com",
                            "New notejam password",
                            "Your new password: abcdefgh"))));
    assertTrue(all.contains("To: u@example.com"), all);
    assertTrue(all.contains(LogMailTransport.WITHHELD), all);
    assertFalse(all.contains("abcdefgh"), all);
  }

  private interface TransportUse {
    void accept(MailTransport transport) throws Exception;
  }

  /**
   * What the "notejam.mail" logger wrote while a context with these properties used its transport.
   */
  private static List<String> logWritten(Map<String, Object> props, TransportUse use)
      throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger("notejam.mail");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try (ApplicationContext ctx = ApplicationContext.run(props)) {
      use.accept(ctx.getBean(MailTransport.class));
    } finally {
      logger.detachAppender(appender);
    }
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void smtpDeliversToARealServer() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, Object> props = base();
    props.put("notejam.mail.transport", "smtp");
    props.put("notejam.mail.smtp.port", port);
    try (ApplicationContext ctx = ApplicationContext.run(props)) {
      ctx.getBean(MailTransport.class)
          .send(
              new MailMessage(
                  "from@notejamapp.com",
                  "ü@example.com",
                  "Notejam password",
                  "Your new password is x1"));
      assertTrue(smtp.waitForIncomingEmail(5000, 1));
      MimeMessage received = smtp.getReceivedMessages()[0];
      assertEquals("Notejam password", received.getSubject());
      assertEquals("from@notejamapp.com", received.getFrom()[0].toString());
      assertEquals("Your new password is x1", ((String) received.getContent()).trim());
    } finally {
      smtp.stop();
    }
  }

  @Test
  void smtpWithNoServerIsADeliveryFailureNotACrash() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Map<String, Object> props = base();
    props.put("notejam.mail.transport", "smtp");
    props.put("notejam.mail.smtp.port", port);
    props.put("notejam.mail.smtp.timeout", "2s");
    try (ApplicationContext ctx = ApplicationContext.run(props)) {
      MailTransport transport = ctx.getBean(MailTransport.class);
      assertThrows(
          MailDeliveryException.class,
          () -> transport.send(new MailMessage(SENDER, "u@example.com", "s", "b")));
    }
  }

  @Test
  void sesSendsThroughTheEmulator() throws Exception {
    Map<String, Object> props = base();
    props.putAll(TestAws.serviceProperties());
    props.put("notejam.mail.transport", "ses");
    EmulatorMailbox.verifySender(SENDER);
    String to = UUID.randomUUID() + "@example.com";
    try (ApplicationContext ctx = ApplicationContext.run(props)) {
      MailTransport transport = ctx.getBean(MailTransport.class);
      assertInstanceOf(SesMailTransport.class, transport);
      transport.send(
          new MailMessage(SENDER, to, "New notejam password", "Your new password: qwertyui"));
    }
    List<EmulatorMailbox.SentMail> sent = EmulatorMailbox.sentTo(to);
    assertEquals(1, sent.size());
    assertEquals(SENDER, sent.get(0).source());
    assertEquals("New notejam password", sent.get(0).subject());
    assertEquals("Your new password: qwertyui", sent.get(0).body());
  }

  @Test
  void sesRejectionIsADeliveryFailure() {
    Map<String, Object> props = base();
    props.putAll(TestAws.serviceProperties());
    props.put("notejam.mail.transport", "ses");
    try (ApplicationContext ctx = ApplicationContext.run(props)) {
      MailTransport transport = ctx.getBean(MailTransport.class);
      MailDeliveryException e =
          assertThrows(
              MailDeliveryException.class,
              () ->
                  transport.send(
                      new MailMessage(
                          "unverified-" + UUID.randomUUID() + "@nowhere.test",
                          "u@example.com",
                          "s",
                          "b")));
      assertTrue(e.getMessage().startsWith("SES delivery failed"), e.getMessage());
    }
  }

  @Test
  void anUnknownTransportStopsTheStart() {
    Map<String, Object> props = base();
    props.put("notejam.mail.transport", "pigeon");
    Exception e = assertThrows(Exception.class, () -> ApplicationContext.run(props));
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage());
    }
    assertTrue(
        all.toString().contains("must be one of log, smtp, ses; got 'pigeon'"), all.toString());
  }

  private static Map<String, Object> base() {
    Map<String, Object> props = new HashMap<>();
    props.put("flyway.enabled", false);
    props.put("notejam.session.secret", "test-secret-that-is-long-enough-0123456789");
    return props;
  }
}
