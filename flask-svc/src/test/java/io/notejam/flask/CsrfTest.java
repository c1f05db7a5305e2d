package io.notejam.flask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Flask-WTF CSRF as production runs it (on by default): a missing, forged or other session's token
 * re-renders the form with 200 and saves nothing, without a message (B10) — delete forms included
 * (B9 fixed). Any live token of the session works on any form, and survives sign-in.
 */
@MicronautTest
class CsrfTest extends FlaskServiceTest {

  @Test
  void formsCarryASessionBoundToken() {
    Browser b = browser();
    String token = b.get("/flask/signin/").csrfToken();
    assertTrue(token.matches("\\d{14}##[0-9a-f]{40}"), token);
    assertEquals(
        1,
        b.get("/flask/signup/")
            .html()
            .select("div[style=display:none;] > input#csrf_token")
            .size());
  }

  @Test
  void signUpWithoutAValidTokenSavesNothingAndSaysNothing() {
    String email = uniqueEmail();
    String[] fields = {"email", email, "password", "pw", "repeat_password", "pw"};
    Browser b = browser();
    b.get("/flask/signup/");
    for (String token : List.of("", "garbage", "20991231235959##" + "0".repeat(40))) {
      String[] withToken = new String[fields.length + 2];
      withToken[0] = "csrf_token";
      withToken[1] = token;
      System.arraycopy(fields, 0, withToken, 2, fields.length);
      Page page = b.post("/flask/signup/", token.isEmpty() ? fields : withToken);
      assertEquals(200, page.status(), token);
      assertEquals("Sign Up", page.title());
      assertEquals(List.of(), page.fieldsWithErrors());
      assertEquals(List.of(), page.flashes());
    }
    assertEquals(0, queryLong("SELECT COUNT(*) FROM `user` WHERE email = ?", email));
  }

  @Test
  void aTokenFromAnotherSessionIsRefused() {
    String email = uniqueEmail();
    String othersToken = browser().get("/flask/signup/").csrfToken();
    Browser b = browser();
    b.get("/flask/signup/");
    Page page =
        b.post(
            "/flask/signup/",
            "csrf_token",
            othersToken,
            "email",
            email,
            "password",
            "pw",
            "repeat_password",
            "pw");
    assertEquals(200, page.status());
    assertEquals(0, queryLong("SELECT COUNT(*) FROM `user` WHERE email = ?", email));
  }

  @Test
  void signInWithABadTokenDoesNotEvenCheckTheCredentials() {
    Page page = browser().post("/flask/signin/", "email", uniqueEmail(), "password", "x");
    assertEquals(200, page.status());
    assertEquals(List.of(), page.flashes(), "no 'Wrong email or password'");
  }

  @Test
  void theTokenSurvivesSignInAndWorksOnAnyForm() {
    String email = uniqueEmail();
    Browser b = browser();
    String token = b.get("/flask/signup/").csrfToken();
    b.post(
        "/flask/signup/",
        "csrf_token",
        token,
        "email",
        email,
        "password",
        "pw",
        "repeat_password",
        "pw");
    assertEquals(
        302,
        b.post("/flask/signin/", "csrf_token", token, "email", email, "password", "pw").status());
    Page pad = b.post("/flask/pads/create/", "csrf_token", token, "name", "from an old token");
    assertEquals(302, pad.status());
  }

  @Test
  void everyWriteFormRefusesAMissingToken() {
    Browser user = signedIn(uniqueEmail());
    long pad = createPad(user, "kept pad");
    long note = createNote(user, "kept note", "text", "" + pad);
    assertEquals(200, user.post("/flask/pads/create/", "name", "new").status());
    assertEquals(200, user.post("/flask/pads/" + pad + "/edit/", "name", "renamed").status());
    assertEquals(
        200, user.post("/flask/notes/create/", "name", "n", "text", "t", "pad", "0").status());
    assertEquals(
        200,
        user.post("/flask/notes/" + note + "/edit/", "name", "n", "text", "t", "pad", "0")
            .status());
    assertEquals(
        200,
        user.post(
                "/flask/settings/",
                "old_password",
                "password",
                "new_password",
                "x",
                "repeat_new_password",
                "x")
            .status());
    assertEquals(200, user.post("/flask/forgot-password/", "email", "a@b.com").status());
    Page noteDelete = user.post("/flask/notes/" + note + "/delete/");
    assertEquals(200, noteDelete.status(), "B9: a delete without token deletes nothing");
    assertEquals("kept note", noteDelete.title());
    assertEquals(200, user.post("/flask/pads/" + pad + "/delete/").status());
    assertEquals("kept note", queryString("SELECT name FROM note WHERE id = ?", note));
    assertEquals("kept pad", queryString("SELECT name FROM pad WHERE id = ?", pad));
    assertEquals(1, queryLong("SELECT COUNT(*) FROM pad WHERE name = 'kept pad'"));
    assertEquals(0, queryLong("SELECT COUNT(*) FROM pad WHERE name = 'new'"));
    // ... and with the page's token, the delete goes through.
    Page deleted = user.submit("/flask/notes/" + note + "/delete/");
    assertEquals(302, deleted.status());
    assertEquals("/flask/pads/" + pad + "/", deleted.location());
  }

  @Test
  void aForgedOrTamperedSessionCookieIsJustAnonymous() {
    Browser user = signedIn(uniqueEmail());
    String cookie = user.sessionCookie();
    char last = cookie.charAt(cookie.length() - 2);
    user.setSessionCookie(
        cookie.substring(0, cookie.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + cookie.charAt(cookie.length() - 1));
    assertEquals(302, user.get("/flask").status());
    Browser forged = browser();
    forged.setSessionCookie("user_id=1");
    assertEquals(302, forged.get("/flask").status());
    forged.setSessionCookie("gAJ9cQBYBwAAAHVzZXJfaWRxAVgBAAAAMXECcy4.Xyz.abc");
    assertEquals(302, forged.get("/flask").status());
    assertEquals(200, forged.get("/flask/signin/").status());
  }

  @Test
  void eachSessionHasItsOwnCsrfValue() {
    assertNotEquals(
        browser().get("/flask/signin/").csrfToken(), browser().get("/flask/signin/").csrfToken());
  }
}
