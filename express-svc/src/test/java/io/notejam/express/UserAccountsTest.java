package io.notejam.express;

import static io.notejam.express.Fixtures.PASSWORD;
import static io.notejam.express.Fixtures.USER1;
import static io.notejam.express.Fixtures.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign up, sign in, sign out, forgot password and settings (spec 3), with their Fix items. */
@MicronautTest
class UserAccountsTest extends ServiceTest {
  private static final AtomicInteger USERS = new AtomicInteger();

  @BeforeAll
  void fixtures() {
    Fixtures.apply(schema);
  }

  /** A fresh user with password {@code password}. */
  private String newUser() {
    String email = "account" + USERS.incrementAndGet() + "@example.com";
    Browser.Page res = browser().postJson("/express/signup", credentials(email, PASSWORD));
    assertEquals(302, res.status());
    return email;
  }

  private boolean canSignIn(String email, String password) {
    Browser.Page res = browser().postJson("/express/signin", credentials(email, password));
    return res.status() == 302 && "/express".equals(res.location());
  }

  @Test
  void signUpFromTheBrowserFormShowsTheSuccessFlashOnTheSignInPageWithoutSigningIn() {
    Browser agent = browser();
    var res =
        agent.follow(
            agent.postForm(
                "/express/signup",
                Map.of(
                    "email", "form.user@example.com",
                    "password", "secret",
                    "confirm_password", "secret")));
    assertEquals("Sign In", title(res.body()));
    assertTrue(
        res.body()
            .contains(
                "<div class=\"alert alert-success\">User is successfully created. Now you can sign"
                    + " in.</div>"));
    assertTrue(res.body().contains("href=\"/express/signup\">Sign up</a>"), "still anonymous");
    assertTrue(canSignIn("form.user@example.com", "secret"));
    assertEquals(302, agent.get("/express/").status());
  }

  @Test
  void theNextRequestTakesPendingFlashesEvenWhenItRendersNoPage() {
    Browser agent = browser();
    agent.postJson("/express/signup", credentials("flash.next@example.com", "secret"));
    var signedIn =
        agent.follow(
            agent.postJson("/express/signin", credentials("flash.next@example.com", "secret")));
    assertEquals("All notes (0)", title(signedIn.body()));
    assertFalse(signedIn.body().contains("User is successfully created"), signedIn.body());
    agent.postJson("/express/pads/create", "{\"name\":\"kept over the hop\"}");
    assertEquals(303, agent.get("/express").status());
    assertTrue(agent.get("/express/").body().contains("Pad is successfully created"));
    agent.postJson("/express/pads/create", "{\"name\":\"lost on a 404\"}");
    assertEquals(404, agent.get("/express/nothing").status());
    assertFalse(agent.get("/express/").body().contains("alert"));
  }

  @Test
  void signUpIgnoresAMismatchedConfirmationAsTheOriginalDoes() {
    var res =
        browser()
            .postForm(
                "/express/signup",
                Map.of(
                    "email", "mismatch@example.com", "password", "one", "confirm_password", "two"));
    assertEquals(302, res.status());
    assertTrue(canSignIn("mismatch@example.com", "one"));
  }

  @Test
  void signUpRefusesABadOrTakenEmailAndAnEmptyPasswordWithAllMessagesAtOnce() {
    String both = browser().postJson("/express/signup", credentials(USER1, "")).body();
    assertTrue(
        both.contains("<ul class=\"errors\"><li>User with given email already exists!</li></ul>"));
    assertTrue(both.contains("<ul class=\"errors\"><li>Password is required</li></ul>"));
    String absent = browser().postJson("/express/signup", "{}").body();
    assertTrue(absent.contains("Invalid email"), "an absent field is validated like an empty one");
    assertTrue(absent.contains("Password is required"));
    assertTrue(
        browser()
            .postJson("/express/signup", credentials("a@b", "x"))
            .body()
            .contains("Invalid email"));
  }

  @Test
  void emailsFitTheOriginalColumnOrAreInvalid() {
    String local = "a".repeat(75 - "@example.com".length());
    assertEquals(
        302,
        browser().postJson("/express/signup", credentials(local + "@example.com", "pw")).status());
    assertTrue(canSignIn(local + "@example.com", "pw"));
    var tooLong =
        browser().postJson("/express/signup", credentials("a" + local + "@example.com", "pw"));
    assertEquals(200, tooLong.status());
    assertTrue(tooLong.body().contains("Invalid email"));
  }

  @Test
  void jsonScalarsAreTakenAsTextAndStructuresAsEmpty() {
    var number =
        browser()
            .postJson("/express/signup", "{\"email\":\"numeric@example.com\",\"password\":12345}");
    assertEquals(302, number.status());
    assertTrue(canSignIn("numeric@example.com", "12345"));
    var signIn =
        browser()
            .postJson("/express/signin", "{\"email\":\"numeric@example.com\",\"password\":12345}");
    assertEquals("/express", signIn.location(), "a numeric JSON password signs in, no crash");
    var object =
        browser()
            .postJson("/express/signup", "{\"email\":\"obj@example.com\",\"password\":{\"a\":1}}");
    assertTrue(object.body().contains("Password is required"));
    var array = browser().postJson("/express/signin", "{\"email\":[\"x\"],\"password\":true}");
    assertTrue(array.body().contains("Email is required"));
  }

  @Test
  void passwordsLongerThanBcryptsLimitWorkAsWithBcryptjs() {
    String email = "long.password@example.com";
    String password = "p".repeat(72) + "tail";
    assertEquals(302, browser().postJson("/express/signup", credentials(email, password)).status());
    assertTrue(canSignIn(email, password));
    assertTrue(canSignIn(email, "p".repeat(72)), "bcrypt reads 72 bytes, as bcryptjs does");
    assertFalse(canSignIn(email, "p".repeat(71)));
  }

  @Test
  void signInFailuresFlashOnTheSignInPage() {
    Browser agent = browser();
    var unknown =
        agent.follow(agent.postJson("/express/signin", credentials("unknown@email.com", "x")));
    assertEquals("Sign In", title(unknown.body()));
    assertTrue(
        unknown
            .body()
            .contains("<div class=\"alert alert-error\">Unknown user unknown@email.com</div>"));
    var wrong = agent.follow(agent.postJson("/express/signin", credentials(USER1, "wrong")));
    assertTrue(wrong.body().contains("<div class=\"alert alert-error\">Invalid password</div>"));
    assertFalse(agent.get("/express/signin").body().contains("Invalid password"), "shown once");
  }

  @Test
  void scriptInInputIsEscapedInTheFlash() {
    Browser agent = browser();
    var res =
        agent.follow(
            agent.postJson("/express/signin", credentials("<script>alert(1)</script>", "x")));
    assertTrue(res.body().contains("Unknown user &lt;script&gt;alert(1)&lt;/script&gt;"));
    assertFalse(res.body().contains("<script>alert"));
  }

  @Test
  void signedInHeaderAndSignOut() {
    String email = newUser();
    Browser agent = Fixtures.signedIn(base(), email);
    String page = agent.get("/express/").body();
    assertTrue(
        page.contains(
            email
                + ": &nbsp;<a href=\"/express/settings\">Account settings</a>&nbsp;&nbsp;&nbsp;"
                + "<a href=\"/express/signout\">Sign out</a>"));
    var out = agent.get("/express/signout");
    assertEquals(302, out.status());
    assertEquals("/express/signin", out.location());
    assertEquals("/express/signin", agent.get("/express/").location());
    assertEquals(302, browser().get("/express/signout").status(), "works when signed out too");
  }

  @Test
  void settingsNeedASignedInUserForGetAndPost() {
    assertEquals("/express/signin", browser().get("/express/settings").location());
    var post =
        browser()
            .postJson(
                "/express/settings",
                "{\"password\":\"password\",\"new_password\":\"x\",\"confirm_new_password\":\"x\"}");
    assertEquals(302, post.status());
    assertEquals("/express/signin", post.location());
  }

  @Test
  void settingsValidateEveryField() {
    Browser agent = Fixtures.signedIn(base(), newUser());
    assertEquals("Account settings", title(agent.get("/express/settings").body()));
    String page =
        agent
            .postJson(
                "/express/settings",
                "{\"password\":\"\",\"new_password\":\"\",\"confirm_new_password\":\"x\"}")
            .body();
    assertTrue(page.contains("Password is required"));
    assertTrue(page.contains("New password is required"));
    assertTrue(page.contains("Passwords do not match"));
  }

  @Test
  void settingsRefuseAWrongCurrentPassword() {
    Browser agent = Fixtures.signedIn(base(), newUser());
    var res =
        agent.postJson(
            "/express/settings",
            "{\"password\":\"wrong\",\"new_password\":\"n\",\"confirm_new_password\":\"n\"}");
    assertEquals("/express/settings", res.location());
    assertTrue(
        agent
            .follow(res)
            .body()
            .contains("<div class=\"alert alert-error\">Current password is not correct</div>"));
  }

  @Test
  void settingsReallyChangeThePassword() {
    String email = newUser();
    Browser agent = Fixtures.signedIn(base(), email);
    var res =
        agent.follow(
            agent.postForm(
                "/express/settings",
                Map.of(
                    "password",
                    PASSWORD,
                    "new_password",
                    "brand-new",
                    "confirm_new_password",
                    "brand-new")));
    assertEquals(java.util.List.of(agent.url("/express"), agent.url("/express/")), res.redirects());
    assertTrue(res.body().contains("Password is successfully changed"));
    assertTrue(canSignIn(email, "brand-new"));
    assertFalse(canSignIn(email, PASSWORD));
  }

  @Test
  void forgotPasswordValidatesAndFlashes() {
    Browser agent = browser();
    assertEquals("Forgot password?", title(agent.get("/express/forgot-password").body()));
    assertTrue(
        agent
            .postJson("/express/forgot-password", "{\"email\":\"\"}")
            .body()
            .contains("Email is required"));
    var unknown = agent.postJson("/express/forgot-password", "{\"email\":\"nobody@example.com\"}");
    assertEquals("/express/forgot-password", unknown.location());
    assertTrue(agent.follow(unknown).body().contains("No user with given email found"));
  }

  @Test
  void forgotPasswordMailsANewEightLetterPasswordThatReplacesTheOldOne() {
    String email = newUser();
    try (MailLog mail = new MailLog()) {
      Browser agent = browser();
      var res = agent.postForm("/express/forgot-password", Map.of("email", email));
      assertEquals("/express/signin", res.location());
      assertTrue(agent.follow(res).body().contains("New password sent to your inbox"));
      String logged = mail.messages().get(mail.messages().size() - 1);
      assertTrue(logged.contains("From: norepy@notejamapp.com"));
      assertTrue(logged.contains("Subject: New notejam password"));
      String newPassword = mail.lastNewPasswordFor(email);
      assertTrue(newPassword.matches("[a-z]{8}"), newPassword);
      assertTrue(canSignIn(email, newPassword));
      assertFalse(canSignIn(email, PASSWORD));
    }
  }

  static String title(String html) {
    int start = html.indexOf("<title>") + "<title>".length();
    return html.substring(start, html.indexOf("</title>"));
  }
}
