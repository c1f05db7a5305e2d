package io.notejam.flask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sign up, sign in, settings and forgot password (spec 4), with mail going to an SMTP port where
 * nothing listens — so that a failed send can be seen leaving the password unchanged (B7). The SES
 * success path is {@link SesMailTest}.
 */
@MicronautTest
class AccountTest extends FlaskServiceTest {

  @Override
  Map<String, String> extraProperties() {
    return Map.of(
        "notejam.mail.transport", "smtp",
        "notejam.mail.smtp.host", "127.0.0.1",
        "notejam.mail.smtp.port", Integer.toString(closedPort()),
        "notejam.mail.smtp.timeout", "2s");
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theAccountPagesHaveTheOriginalsStructure() {
    Document signin = browser().get("/flask/signin/").html();
    assertEquals("Sign In", signin.title());
    assertEquals(1, signin.select("div.sixteen.columns.content-area").size());
    assertTrue(signin.select("nav").isEmpty(), "no sidebar in the account frame");
    assertEquals("Sign in", signin.selectFirst("form.sign-in input[type=submit]").val());
    assertEquals("/flask/forgot-password/", signin.selectFirst("a.small-red").attr("href"));
    assertEquals("Forgot password?", signin.selectFirst("a.small-red").text());
    assertEquals("Email", signin.selectFirst("label[for=''] > label[for=email]").text());
    assertEquals("password", signin.selectFirst("input#password").attr("type"));
    assertTrue(signin.selectFirst("form").text().contains("or Sign up"));

    Document signup = browser().get("/flask/signup/").html();
    assertEquals("Sign Up", signup.title());
    assertEquals(
        List.of("Email", "Password", "Repeat Password"),
        signup.select("label[for=''] > label").eachText());
    assertEquals("Sign up", signup.selectFirst("input[type=submit]").val());

    Document forgot = browser().get("/flask/forgot-password/").html();
    assertEquals("Forgot Password?", forgot.title());
    assertEquals("Generate password", forgot.selectFirst("input[type=submit]").val());
  }

  @Test
  void signUpThenSignIn() {
    String email = "Mixed.Case@Example.com";
    Browser b = browser();
    Page signup =
        b.submit("/flask/signup/", "email", email, "password", "pw", "repeat_password", "pw");
    assertEquals("/flask/signin/", signup.location());
    Page signinPage = b.get("/flask/signin/");
    assertEquals(
        List.of("success: Account is created. Now you can sign in."), signinPage.flashes());
    assertEquals(
        "Sign up", signinPage.html().selectFirst(".sign-in-out-block a").text(), "not signed in");
    assertEquals(
        email, queryString("SELECT email FROM `user` WHERE id = (SELECT MAX(id) FROM `user`)"));

    Page taken =
        browser()
            .submit(
                "/flask/signup/",
                "email",
                "mixed.case@example.COM",
                "password",
                "x",
                "repeat_password",
                "x");
    assertEquals(
        List.of("User with this email is already signed up"), taken.errors("email"), "B14");

    Page wrong = b.submit("/flask/signin/", "email", email, "password", "nope");
    assertEquals(List.of("error: Wrong email or password"), wrong.flashes());
    assertEquals(email, wrong.html().selectFirst("input#email").val(), "email kept");
    assertEquals("", wrong.html().selectFirst("input#password").val());

    Page ok = b.submit("/flask/signin/", "email", "MIXED.case@example.com", "password", "pw");
    assertEquals("/flask", ok.location(), "B14: case-insensitive sign-in");
    Document home = b.get("/flask").html();
    assertEquals(
        email + ": Account settings Sign out",
        home.selectFirst("div.sign-in-out-block")
            .text()
            .replace('\u00a0', ' ')
            .replaceAll(" +", " "));
  }

  @Test
  void signUpErrorsComeInTheOriginalsOrder() {
    Page both =
        browser().submit("/flask/signup/", "email", "", "password", "", "repeat_password", "");
    assertEquals(List.of("This field is required."), both.errors("email"));
    assertEquals(List.of("This field is required."), both.errors("password"));
    assertEquals(List.of("This field is required."), both.errors("repeat_password"));
    String email = uniqueEmail();
    signedIn(email);
    Page signupAgain =
        browser().submit("/flask/signup/", "email", email, "password", "a", "repeat_password", "b");
    assertEquals(List.of("User with this email is already signed up"), signupAgain.errors("email"));
    assertEquals(List.of("Your passwords do not match"), signupAgain.errors("repeat_password"));
    assertEquals(email, signupAgain.html().selectFirst("input#email").val());
    assertEquals("", signupAgain.html().selectFirst("input#password").val());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@b.co", "a@b..com", "a b@c.de", "é@é.com", "a@b.COM", "a@b.com\n"})
  void emailsTheOriginalAccepted(String email) {
    Page page = browser().submit("/flask/signin/", "email", email, "password", "x");
    assertEquals(List.of(), page.errors("email"), email);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "invalid email",
        "a@b.c",
        "a@.com",
        "@b.com",
        "a@b.abcdefghijk",
        "a@b.c0m",
        "a@b.com "
      })
  void emailsTheOriginalRefused(String email) {
    Page page = browser().submit("/flask/signin/", "email", email, "password", "x");
    assertEquals(List.of("Invalid email address."), page.errors("email"), email);
  }

  @Test
  void whitespaceOnlyIsMissingAsPythonSeesWhitespace() {
    Page page =
        browser().submit("/flask/signin/", "email", "a@b.com", "password", "\u00a0\u3000 \t");
    assertEquals(List.of("This field is required."), page.errors("password"));
    Page zeroWidth = browser().submit("/flask/signin/", "email", "a@b.com", "password", "\u200b");
    assertEquals(List.of(), zeroWidth.errors("password"), "U+200B is not whitespace");
  }

  @Test
  void settingsChangeThePassword() {
    String email = uniqueEmail();
    Browser user = signedIn(email);
    Page form = user.get("/flask/settings/");
    assertEquals("Account Settings", form.title());
    assertTrue(form.html().select("nav").isEmpty());
    assertEquals(
        List.of("Old Password", "New Password", "Repeat New Password"),
        form.html().select("label[for=''] > label").eachText());

    Page empty =
        user.submit(
            "/flask/settings/", "old_password", "", "new_password", "", "repeat_new_password", "");
    assertEquals(
        List.of("old_password", "new_password", "repeat_new_password"), empty.fieldsWithErrors());
    Page wrong =
        user.submit(
            "/flask/settings/",
            "old_password",
            "nope",
            "new_password",
            "a",
            "repeat_new_password",
            "b");
    assertEquals(List.of("Incorrect old password"), wrong.errors("old_password"));
    assertEquals(List.of("Your passwords don't match"), wrong.errors("repeat_new_password"));
    assertTrue(wrong.body().contains("Your passwords don&#39;t match"));

    Page ok =
        user.submit(
            "/flask/settings/",
            "old_password",
            "password",
            "new_password",
            "n3w",
            "repeat_new_password",
            "n3w");
    assertEquals("/flask", ok.location());
    assertEquals(
        List.of("success: Your password is successfully changed."), user.get("/flask").flashes());
    assertEquals(
        302, browser().submit("/flask/signin/", "email", email, "password", "n3w").status());
    assertEquals(
        200, browser().submit("/flask/signin/", "email", email, "password", "password").status());
  }

  @Test
  void forgotPasswordValidation() {
    assertEquals(
        List.of("This field is required."),
        browser().submit("/flask/forgot-password/", "email", " ").errors("email"));
    assertEquals(
        List.of("Invalid email address.", "No user with given email found"),
        browser().submit("/flask/forgot-password/", "email", "nobody").errors("email"));
    assertEquals(
        List.of("No user with given email found"),
        browser().submit("/flask/forgot-password/", "email", uniqueEmail()).errors("email"));
  }

  @Test
  void aFailedSendIsAClean500AndTheOldPasswordStillWorks() {
    String email = uniqueEmail();
    signedIn(email);
    String hash = queryString("SELECT password FROM `user` WHERE email = ?", email);
    Browser anonymous = browser();
    Page page = anonymous.submit("/flask/forgot-password/", "email", email.toUpperCase());
    assertEquals(500, page.status());
    assertEquals("500 Internal Server Error", page.title());
    assertFalse(page.body().contains("Exception"), "no stack trace");
    assertFalse(page.body().contains("at io."), "no stack trace");
    assertEquals(hash, queryString("SELECT password FROM `user` WHERE email = ?", email));
    assertEquals(List.of(), anonymous.get("/flask/signin/").flashes(), "no success flash");
    assertEquals(
        302, browser().submit("/flask/signin/", "email", email, "password", "password").status());
  }
}
