package io.notejam.express;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.notejam.testsupport.EmulatorMailbox;
import io.notejam.testsupport.EmulatorMailbox.SentMail;
import io.notejam.testsupport.TestAws;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * Forgot password through the {@code ses} transport, end to end: the service sends through the AWS
 * emulator's SES (moto here, LocalStack with Docker) and the test reads the message back from the
 * emulator. Skipped, visibly, when there is no emulator.
 */
@MicronautTest
class SesMailTest extends ServiceTest {
  private static final String SENDER = "norepy@notejamapp.com";

  /** Without an emulator the service starts with the log transport and every test is skipped. */
  @Override
  protected Map<String, String> extraProperties() {
    try {
      Map<String, String> properties = new HashMap<>(TestAws.serviceProperties());
      properties.put("notejam.mail.transport", "ses");
      return properties;
    } catch (TestAbortedException noEmulator) {
      return Map.of();
    }
  }

  /** SES only sends from a verified identity; skips the calling test when there is no emulator. */
  private static void verifySender() {
    EmulatorMailbox.verifySender(SENDER);
  }

  private static String signUp(Browser agent, String prefix) {
    String email = prefix + System.nanoTime() + "@example.com";
    assertEquals(
        302,
        agent.postJson("/express/signup", Fixtures.credentials(email, Fixtures.PASSWORD)).status());
    return email;
  }

  @Test
  void theNewPasswordArrivesThroughSesAndSignsIn() {
    verifySender();
    Browser agent = browser();
    String email = signUp(agent, "ses");
    var res = agent.follow(agent.postForm("/express/forgot-password", Map.of("email", email)));
    assertEquals(List.of(agent.url("/express/signin")), res.redirects());
    assertTrue(res.body().contains("New password sent to your inbox"));

    List<SentMail> mail = EmulatorMailbox.sentTo(email);
    assertEquals(1, mail.size(), mail.toString());
    SentMail sent = mail.get(0);
    assertEquals(SENDER, sent.source());
    assertEquals("New notejam password", sent.subject());
    assertTrue(sent.body().matches("Your new password: [a-z]{8}"), sent.body());
    String newPassword = sent.body().substring("Your new password: ".length());
    var signIn = browser().postJson("/express/signin", Fixtures.credentials(email, newPassword));
    assertEquals("/express", signIn.location());
  }

  @Test
  void aFailedSendAnswersTheSameAndIsOnlyLogged() {
    verifySender();
    Map<String, Object> properties = new HashMap<>(getProperties());
    properties.put("aws.endpoint-url", "http://127.0.0.1:9");
    try (ApplicationContext context = ApplicationContext.run(properties)) {
      EmbeddedServer unreachableSes = context.getBean(EmbeddedServer.class).start();
      Browser agent = new Browser(unreachableSes.getURI());
      String email = signUp(agent, "ses-down");
      var res = agent.follow(agent.postForm("/express/forgot-password", Map.of("email", email)));
      assertEquals(200, res.status());
      assertEquals(List.of(agent.url("/express/signin")), res.redirects());
      assertTrue(res.body().contains("New password sent to your inbox"));
      assertEquals(List.of(), EmulatorMailbox.sentTo(email));
    }
  }
}
