package io.notejam.flask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.notejam.testsupport.EmulatorMailbox;
import io.notejam.testsupport.EmulatorMailbox.SentMail;
import io.notejam.testsupport.TestAws;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Forgot password end to end through the SES transport against the AWS emulator (moto here,
 * LocalStack where Docker runs): the mail that left the service is read back, and its password
 * signs in (spec 4.7, 9). Skipped, visibly, when no emulator is configured.
 */
@MicronautTest
class SesMailTest extends FlaskServiceTest {

  @Override
  Map<String, String> extraProperties() {
    Map<String, String> props = new HashMap<>(TestAws.serviceProperties());
    props.put("notejam.mail.transport", "ses");
    // SES only sends from verified identities, on the emulator as in AWS.
    EmulatorMailbox.verifySender("from@notejamapp.com");
    return props;
  }

  @Test
  void theNewPasswordArrivesBySesAndSignsIn() {
    String email = uniqueEmail();
    signedIn(email);
    Browser anonymous = browser();
    Page done = anonymous.submit("/flask/forgot-password/", "email", email);
    assertEquals(302, done.status());
    assertEquals("/flask", done.location());
    // B25: home bounces the anonymous user to sign-in, which shows both flashes in order.
    Page bounced = anonymous.get("/flask");
    assertEquals("/flask/signin/?next=%2Fflask", bounced.location());
    assertEquals(
        List.of(
            "success: Find new password in your inbox",
            "message: Please log in to access this page."),
        anonymous.get("/flask/signin/").flashes());

    List<SentMail> mail = EmulatorMailbox.sentTo(email);
    assertEquals(1, mail.size(), mail.toString());
    SentMail sent = mail.get(0);
    assertEquals("from@notejamapp.com", sent.source());
    assertEquals("Notejam password", sent.subject());
    assertTrue(sent.body().matches("Your new password is [0-9a-f]{8}"), sent.body());
    String password = sent.body().substring("Your new password is ".length());

    assertEquals(
        302, browser().submit("/flask/signin/", "email", email, "password", password).status());
    assertEquals(
        200,
        browser().submit("/flask/signin/", "email", email, "password", "password").status(),
        "the old password is gone");
  }

  @Test
  void eachResetIsADifferentUnpredictablePassword() {
    String email = uniqueEmail();
    signedIn(email);
    browser().submit("/flask/forgot-password/", "email", email);
    browser().submit("/flask/forgot-password/", "email", email);
    List<SentMail> mail = EmulatorMailbox.sentTo(email);
    assertEquals(2, mail.size());
    assertTrue(!mail.get(0).body().equals(mail.get(1).body()), "B7: not md5(email+key+date)");
  }
}
