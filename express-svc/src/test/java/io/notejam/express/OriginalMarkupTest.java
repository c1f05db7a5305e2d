package io.notejam.express;

import static io.notejam.express.Fixtures.USER1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages byte for byte as the original's Jade 1.3.1 renders them (spec 6): compact markup with
 * no whitespace between tags and no final newline, {@code class} after the other attributes, the
 * sidebar's {@code hr} and "New pad" link inside its {@code nav}, the sort arrows' leading space
 * inside their links, a bare {@code selected}, and no {@code value} on the create forms' name
 * input. The only differences are the deliberate ones: a {@code <head>}, {@code https} stylesheets,
 * the placeholder's {@code value=""} (8.5) and the settings ids (8.26).
 */
@MicronautTest
class OriginalMarkupTest extends ServiceTest {
  private static final String HEAD =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title><meta"
          + " name=\"description\" content=\"Notejam: Unified sample app\"><meta name=\"author\""
          + " content=\"Notejam\"><meta name=\"viewport\" content=\"width=device-width,"
          + " initial-scale=1, maximum-scale=1\"><link rel=\"stylesheet\""
          + " href=\"https://cdnjs.cloudflare.com/ajax/libs/skeleton/1.2/base.min.css\"><link"
          + " rel=\"stylesheet\""
          + " href=\"https://cdnjs.cloudflare.com/ajax/libs/skeleton/1.2/skeleton.min.css\"><link"
          + " rel=\"stylesheet\""
          + " href=\"https://cdnjs.cloudflare.com/ajax/libs/skeleton/1.2/layout.css\"><link"
          + " rel=\"stylesheet\" href=\"/express/stylesheets/style.css\"></head><body><div"
          + " class=\"container\"><div class=\"sixteen columns\"><div"
          + " class=\"sign-in-out-block\">%s</div></div><div class=\"sixteen columns\"><h1"
          + " class=\"bold-header\"><a href=\"/express\" class=\"header\">note<span"
          + " class=\"jam\">jam:&nbsp;</span><span>%1$s</span></a></h1></div>";
  private static final String ANONYMOUS =
      "<a href=\"/express/signup\">Sign up</a>&nbsp;&nbsp;&nbsp;<a"
          + " href=\"/express/signin\">Sign in</a>";
  private static final String FOOT =
      "<hr class=\"footer\"><div class=\"footer\"><div>Notejam: <strong>Express</strong>"
          + " application</div><div><a href='https://github.com/komarserjio/notejam'>Github</a>,"
          + " <a href='https://github.com/komarserjio/notejam'>Twitter</a>, created by <a"
          + " href='https://github.com/komarserjio'>Serhii Komar</a></div></div></div><a"
          + " href=\"https://github.com/komarserjio/notejam\"><img style=\"position: absolute; top:"
          + " 0; right: 0; border: 0;\""
          + " src=\"https://s3.amazonaws.com/github/ribbons/forkme_right_gray_6d6d6d.png\""
          + " alt=\"Fork me on GitHub\"></a></body></html>";

  private Browser user1;

  @BeforeAll
  void fixtures() {
    Fixtures.apply(schema);
    user1 = signedIn(USER1);
  }

  private static String signedInAs(String email) {
    return email
        + ": &nbsp;<a href=\"/express/settings\">Account settings</a>&nbsp;&nbsp;&nbsp;<a"
        + " href=\"/express/signout\">Sign out</a>";
  }

  /** The app frame's sidebar with the fixtures' two pads. */
  private static final String SIDEBAR =
      "<div class=\"three columns\"><h4 id=\"logo\">My pads</h4><nav><ul><li><a"
          + " href=\"/express/pads/1\">Pad 1</a></li><li><a href=\"/express/pads/2\">Pad"
          + " 2</a></li></ul><hr><a href=\"/express/pads/create\">New pad</a></nav></div>";

  @Test
  void signInPageIsTheOriginalsMarkup() {
    String expected =
        HEAD.formatted("Sign In", ANONYMOUS)
            + "<div class=\"sixteen columns content-area\"><form method=\"POST\""
            + " class=\"offset-by-six sign-in\"><label for=\"email\">Email</label><input"
            + " id=\"email\" type=\"text\" name=\"email\"><ul class=\"errors\"><li>Email is"
            + " required</li></ul><label for=\"password\">Password</label><input id=\"password\""
            + " type=\"password\" name=\"password\"><ul class=\"errors\"><li>Password is"
            + " required</li></ul><input type=\"submit\" value=\"Sign In\"> or <a"
            + " href=\"/express/signup\">Sign Up</a><hr><p><a href=\"/express/forgot-password\""
            + " class=\"small-red\">Forgot password?</a></p></form></div>"
            + FOOT;
    assertEquals(
        expected,
        browser().postJson("/express/signin", "{\"email\":\"\",\"password\":\"\"}").body());
  }

  @Test
  void signUpAndForgotPasswordPagesAreTheOriginalsMarkup() {
    String signUp = browser().get("/express/signup").body();
    assertTrue(
        signUp.contains(
            "<div class=\"sixteen columns content-area\"><form method=\"POST\" class=\"offset-by-six"
                + " sign-in\"><label for=\"email\">Email</label><input id=\"email\" type=\"text\""
                + " name=\"email\"><label for=\"password\">Password</label><input id=\"password\""
                + " type=\"password\" name=\"password\"><label for=\"confirm_password\">Confirm"
                + " Password</label><input id=\"confirm_password\" type=\"password\""
                + " name=\"confirm_password\"><input type=\"submit\" value=\"Sign Up\"> or <a"
                + " href=\"/express/signin\">Sign In</a><hr><p><a"
                + " href=\"/express/forgot-password\" class=\"small-red\">Forgot"
                + " password?</a></p></form></div>"
                + FOOT),
        signUp);
    assertTrue(
        browser()
            .get("/express/forgot-password")
            .body()
            .endsWith(
                "<div class=\"sixteen columns content-area\"><form method=\"POST\""
                    + " class=\"offset-by-six sign-in\"><label for=\"email\">Email</label><input"
                    + " id=\"email\" type=\"text\" name=\"email\"><input type=\"submit\" value=\"Get"
                    + " new password\"></form></div>"
                    + FOOT));
    assertTrue(
        user1
            .get("/express/settings")
            .body()
            .contains("<form method=\"POST\" class=\"offset-by-six sign-in\"><label"));
  }

  @Test
  void padPageIsTheOriginalsMarkup() {
    String expected =
        HEAD.formatted("Pad 1 (2)", signedInAs(USER1))
            + SIDEBAR
            + "<div class=\"thirteen columns content-area\"><table class=\"notes\"><tr><th"
            + " class=\"note\">Note<a href=\"/express/pads/1/?order=-name\" class=\"sort_arrow\">"
            + " ↑</a><a href=\"/express/pads/1/?order=name\" class=\"sort_arrow\">↓</a></th><th"
            + " class=\"date\">Last modified<a href=\"/express/pads/1/?order=-updated_at\""
            + " class=\"sort_arrow\"> ↑</a><a href=\"/express/pads/1/?order=updated_at\""
            + " class=\"sort_arrow\">↓</a></th></tr><tr><td><a href=\"/express/notes/1\">Note"
            + " 1</a></td><td class=\"hidden-text date\">DATE</td></tr><tr><td><a"
            + " href=\"/express/notes/2\">Note 2</a></td><td class=\"hidden-text"
            + " date\">DATE</td></tr></table><a href=\"/express/notes/create?pad=1\""
            + " class=\"button\">New note</a>&nbsp;<a href=\"/express/pads/1/edit\">Pad"
            + " settings</a></div>"
            + FOOT;
    String page = user1.get("/express/pads/1?order=id").body();
    assertEquals(expected, page.replaceAll("\\d+ years ago", "DATE"));
  }

  @Test
  void allNotesAndEmptySidebarAreTheOriginalsMarkup() {
    String email = "markup@example.com";
    browser().postJson("/express/signup", Fixtures.credentials(email, Fixtures.PASSWORD));
    Browser agent = signedIn(email);
    String empty = agent.get("/express/").body();
    assertTrue(
        empty.contains(
            "<div class=\"three columns\"><h4 id=\"logo\">My pads</h4><nav><p class=\"empty\">No"
                + " pads yet</p><hr><a href=\"/express/pads/create\">New pad</a></nav></div><div"
                + " class=\"thirteen columns content-area\"><p class=\"empty\">Create your first"
                + " note</p><a href=\"/express/notes/create\" class=\"button\">New"
                + " note</a></div>"
                + FOOT),
        empty);
    agent.postJson("/express/notes/create", "{\"name\":\"n\",\"text\":\"t\"}");
    String all = agent.get("/express/").body();
    assertTrue(
        all.contains(
            "<div class=\"alert-area\"><div class=\"alert alert-success\">Note is successfully"
                + " created</div></div><table class=\"notes\"><tr><th class=\"note\">Note<a"
                + " href=\"/express/?order=-name\" class=\"sort_arrow\"> ↑</a><a"
                + " href=\"/express/?order=name\" class=\"sort_arrow\">↓</a></th><th>Pad</th><th"
                + " class=\"date\">Last modified<a href=\"/express/?order=-updated_at\""
                + " class=\"sort_arrow\"> ↑</a><a href=\"/express/?order=updated_at\""
                + " class=\"sort_arrow\">↓</a></th></tr><tr><td><a"
                + " href=\"/express/notes/"),
        all);
    assertTrue(
        all.contains(
            "\">n</a></td><td class=\"pad\">No pad</td><td class=\"hidden-text date\">a few"
                + " seconds ago</td></tr></table><a href=\"/express/notes/create\""
                + " class=\"button\">New note</a></div>"
                + FOOT),
        all);
  }

  @Test
  void noteFormsAreTheOriginalsMarkup() {
    String create = user1.get("/express/notes/create?pad=2").body();
    assertTrue(
        create.contains(
            SIDEBAR
                + "<div class=\"thirteen columns content-area\"><form method=\"POST\""
                + " class=\"note\"><label for=\"name\">Name</label><input id=\"name\" type=\"text\""
                + " name=\"name\"><label for=\"text\">Text</label><textarea"
                + " name=\"text\"></textarea><label for=\"pad_id\">Pad</label><select"
                + " name=\"pad_id\"><option value=\"\">--------------</option><option"
                + " value=\"1\">Pad 1</option><option value=\"2\" selected>Pad"
                + " 2</option></select><input type=\"submit\" value=\"Save\"></form></div>"
                + FOOT),
        create);
    String edit = user1.get("/express/notes/1/edit").body();
    assertTrue(
        edit.contains(
            "<form method=\"POST\" class=\"note\"><label for=\"name\">Name</label><input"
                + " id=\"name\" type=\"text\" name=\"name\" value=\"Note 1\"><label"
                + " for=\"text\">Text</label><textarea name=\"text\">Text</textarea><label"
                + " for=\"pad_id\">Pad</label><select name=\"pad_id\"><option"
                + " value=\"\">----------</option><option value=\"1\" selected>Pad 1</option><option"
                + " value=\"2\">Pad 2</option></select><input type=\"submit\""
                + " value=\"Save\"></form>"),
        edit);
    String failed = user1.postJson("/express/notes/create", "{\"name\":\"\",\"text\":\"\"}").body();
    assertTrue(
        failed.contains(
            "<input id=\"name\" type=\"text\" name=\"name\"><ul class=\"errors\"><li>Name is"
                + " required</li></ul><label for=\"text\">Text</label><textarea"
                + " name=\"text\"></textarea><ul class=\"errors\"><li>Text is"
                + " required</li></ul><label"),
        failed);
  }

  @Test
  void noteViewAndDeletePagesAreTheOriginalsMarkup() {
    assertTrue(
        user1
            .get("/express/notes/1")
            .body()
            .replaceAll("\\d+ years ago", "DATE")
            .endsWith(
                "<div class=\"thirteen columns content-area\"><p class=\"hidden-text\">Last edited"
                    + " DATE</p><div class=\"note\"><p>Text</p></div><a"
                    + " href=\"/express/notes/1/edit\" class=\"button\">Edit</a><a"
                    + " href=\"/express/notes/1/delete\" class=\"delete-note\">Delete"
                    + " it</a></div>"
                    + FOOT));
    assertTrue(
        user1
            .get("/express/notes/1/delete")
            .body()
            .endsWith(
                "<div class=\"thirteen columns content-area\"><p>Are you sure you want to delete"
                    + " the note?</p><form method=\"post\"><input type=\"submit\" value=\"Yes,"
                    + " delete I want to delete this note\" class=\"red\"> &nbsp;<a"
                    + " href=\"/express/notes/1\">Cancel</a></form></div>"
                    + FOOT));
  }

  @Test
  void padFormsAndDeletePageAreTheOriginalsMarkup() {
    assertTrue(
        user1
            .get("/express/pads/create")
            .body()
            .endsWith(
                "<div class=\"thirteen columns content-area\"><form method=\"POST\"><label"
                    + " for=\"name\">Name</label><input id=\"name\" type=\"text\""
                    + " name=\"name\"><input type=\"submit\" value=\"Save\"></form></div>"
                    + FOOT));
    assertTrue(
        user1
            .get("/express/pads/1/edit")
            .body()
            .endsWith(
                "<div class=\"thirteen columns content-area\"><form method=\"POST\"><label"
                    + " for=\"name\">Name</label><input id=\"name\" type=\"text\" name=\"name\""
                    + " value=\"Pad 1\"><input type=\"submit\" value=\"Save\"><div><a"
                    + " href=\"/express/pads/1/delete\" class=\"red\">Delete"
                    + " pad</a></div></form></div>"
                    + FOOT));
    assertTrue(
        user1
            .get("/express/pads/1/delete")
            .body()
            .endsWith(
                "<div class=\"thirteen columns content-area\"><p>Are you sure you want to delete"
                    + " the pad?</p><form method=\"post\"><input type=\"submit\" value=\"Yes,"
                    + " delete I want to delete this pad\" class=\"red\"> &nbsp;<a"
                    + " href=\"/express/pads/1/edit\">Cancel</a></form></div>"
                    + FOOT));
  }

  @Test
  void errorPageIsTheOriginalsMarkup() {
    assertEquals(
        HEAD.formatted("", ANONYMOUS) + "<h1>Not Found</h1><h2></h2><pre></pre>" + FOOT,
        browser().get("/express/nothing").body());
  }

  @Test
  void errorPageShowsWhoIsSignedIn() {
    String expected =
        HEAD.formatted("", signedInAs(USER1)) + "<h1>Not Found</h1><h2></h2><pre></pre>" + FOOT;
    assertEquals(expected, user1.get("/express/nothing").body());
    assertEquals(expected, user1.post("/express").body());
  }

  @Test
  void noPageHasWhitespaceBetweenTags() {
    for (String path :
        List.of("/express/", "/express/pads/1", "/express/notes/1", "/express/settings")) {
      String page = user1.get(path).body();
      assertFalse(page.matches("(?s).*>\\s+<.*"), path);
      assertTrue(page.endsWith("</html>"), path);
    }
  }
}
