package io.notejam.flask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.sql.DataSource;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Pads and notes through the UI with CSRF on (spec 5, 6, 7), and the Fix items B1-B4, B17, B18. */
@MicronautTest
class NotesAndPadsTest extends FlaskServiceTest {
  @Inject DataSource dataSource;

  @Test
  void aNewUserSeesEmptyListsAndTheFrame() {
    String email = uniqueEmail();
    Page home = signedIn(email).get("/flask");
    assertEquals(200, home.status());
    assertEquals("text/html; charset=utf-8", home.header("Content-Type").toLowerCase());
    assertEquals("All notes (0)", home.title());
    assertEquals("All notes (0)", home.heading());
    Document html = home.html();
    assertEquals("notejam:", html.selectFirst("a.header").text());
    assertTrue(html.selectFirst("div.sign-in-out-block").text().startsWith(email + ":"));
    assertEquals("My pads", html.selectFirst("h4#logo").text());
    assertEquals("No pads", html.selectFirst("nav p.empty").text());
    assertEquals("Create your first note.", html.selectFirst("div.content-area p.empty").text());
    assertEquals("/flask/notes/create/", html.selectFirst("a.button").attr("href"));
    assertEquals(1, html.select("div.thirteen.columns.content-area").size());
    assertEquals("Notejam: Flask application", html.selectFirst("div.footer div").text());
    assertEquals(
        "Fork me on GitHub", html.selectFirst("img[alt]").attr("alt"), "the ribbon is there");
    assertEquals(
        List.of("success: You are signed in!"), home.flashes(), "the sign-in flash shows once");
  }

  /**
   * The frame's markup as the original's base template has it (spec 7.1), where a test may select
   * on it: the email as bare text before the links, "New pad" inside the {@code nav}, the ribbon
   * positioned by its own style, the IE conditional {@code <html>} tags.
   */
  @Test
  void theFrameIsMarkedUpAsTheOriginals() {
    String email = uniqueEmail();
    Browser user = signedIn(email);
    createPad(user, "Work");
    Page home = user.get("/flask");
    Document html = home.html();
    Element block = html.selectFirst("div.sign-in-out-block");
    assertEquals(email + ":", block.ownText().strip(), "the email is text, not an element");
    assertEquals(List.of("a", "a"), block.children().stream().map(Element::tagName).toList());
    Element nav = html.selectFirst("nav");
    assertEquals(List.of("ul", "hr", "a"), nav.children().stream().map(Element::tagName).toList());
    assertEquals("New pad", nav.selectFirst("> a[href=/flask/pads/create/]").text());
    Element ribbon = html.selectFirst("img[alt=Fork me on GitHub]");
    assertEquals("https://github.com/komarserjio/notejam", ribbon.parent().attr("href"));
    assertTrue(ribbon.attr("style").contains("position: absolute"), ribbon.attr("style"));
    assertEquals(1, html.select("meta[name=description][content=]").size());
    assertEquals(1, html.select("meta[name=author][content=]").size());
    assertTrue(
        home.body().contains("<!--[if lt IE 7 ]><html class=\"ie ie6\" lang=\"en\"> <![endif]-->"));
    assertEquals("en", html.selectFirst("html").attr("lang"));
  }

  @Test
  void padLifecycle() {
    Browser user = signedIn(uniqueEmail());
    Page created = user.submit("/flask/pads/create/", "name", "Work");
    assertEquals("/flask", created.location());
    long pad = queryLong("SELECT MAX(id) FROM pad");
    Page home = user.get("/flask");
    assertEquals(List.of("success: Pad is successfully created"), home.flashes());
    assertEquals("/flask/pads/" + pad + "/", home.html().selectFirst("nav li a").attr("href"));

    Page view = user.get("/flask/pads/" + pad + "/");
    assertEquals("Work (0)", view.title());
    assertEquals("Create first note in the pad.", view.html().selectFirst("p.empty").text());
    assertEquals(
        "/flask/notes/create/?pad=" + pad, view.html().selectFirst("a.button").attr("href"));
    assertEquals(
        "/flask/pads/" + pad + "/edit/",
        view.html().selectFirst("a:contains(Pad settings)").attr("href"));

    Page edit = user.get("/flask/pads/" + pad + "/edit/");
    assertEquals("Work", edit.title());
    assertEquals("Work", edit.html().selectFirst("input#name").val());
    assertEquals("/flask/pads/" + pad + "/delete/", edit.html().selectFirst("a.red").attr("href"));
    Page failed = user.submit("/flask/pads/" + pad + "/edit/", "name", " ");
    assertEquals("Work", failed.title(), "B18: the edit-pad page keeps the stored name");
    assertEquals(List.of("This field is required."), failed.errors("name"));
    Page renamed = user.submit("/flask/pads/" + pad + "/edit/", "name", "Home");
    assertEquals("/flask/pads/" + pad + "/", renamed.location());
    assertEquals(
        List.of("success: Pad is successfully updated"),
        user.get("/flask/pads/" + pad + "/").flashes());

    Page confirm = user.get("/flask/pads/" + pad + "/delete/");
    assertEquals("Home", confirm.title());
    assertTrue(confirm.text().contains("Are you sure you want to delete Home?"));
    assertEquals("Yes, delete I want to delete it", confirm.html().selectFirst("input.red").val());
    assertEquals(
        "/flask/pads/" + pad + "/", confirm.html().selectFirst("a:contains(Cancel)").attr("href"));
  }

  @Test
  void deletingAPadDeletesItsNotesAndOnlyThose() {
    Browser user = signedIn(uniqueEmail());
    long doomed = createPad(user, "doomed");
    long kept = createPad(user, "a kept pad");
    assertEquals(
        List.of("doomed", "a kept pad"),
        user.get("/flask").html().select("nav li a").eachText(),
        "B17: pads in creation order");
    long inDoomed = createNote(user, "a", "t", "" + doomed);
    long inDoomed2 = createNote(user, "b", "t", "" + doomed);
    long inKept = createNote(user, "c", "t", "" + kept);
    long padless = createNote(user, "d", "t", "0");
    Page deleted = user.submit("/flask/pads/" + doomed + "/delete/");
    assertEquals("/flask", deleted.location());
    assertEquals(
        List.of("success: Note is successfully deleted"), user.get("/flask").flashes(), "B3");
    assertEquals(0, queryLong("SELECT COUNT(*) FROM pad WHERE id = ?", doomed));
    assertEquals(0, queryLong("SELECT COUNT(*) FROM note WHERE id IN (?, ?)", inDoomed, inDoomed2));
    assertEquals(2, queryLong("SELECT COUNT(*) FROM note WHERE id IN (?, ?)", inKept, padless));
  }

  @Test
  void noteLifecycleInAPad() {
    Browser user = signedIn(uniqueEmail());
    long pad = createPad(user, "Pad");
    Page form = user.get("/flask/notes/create/?pad=" + pad);
    assertEquals("New note", form.title());
    assertEquals("" + pad, form.html().selectFirst("select#pad option[selected]").val());
    assertEquals("---------", form.html().selectFirst("select#pad option[value=0]").text());
    Page created =
        user.submit(
            "/flask/notes/create/?pad=" + pad,
            "name",
            "First",
            "text",
            "line one\nline two",
            "pad",
            "" + pad);
    assertEquals("/flask/pads/" + pad + "/", created.location());
    long note = queryLong("SELECT MAX(id) FROM note");
    assertEquals(
        List.of("success: Note is successfully created"),
        user.get("/flask/pads/" + pad + "/").flashes());

    Page view = user.get("/flask/notes/" + note + "/");
    assertEquals("First", view.title());
    String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:"));
    assertTrue(
        view.html()
            .selectFirst("p.hidden-text")
            .text()
            .startsWith("Last edited at Today at " + time),
        view.html().selectFirst("p.hidden-text").text());
    assertEquals("line one\nline two", view.html().selectFirst("div.note").wholeText(), "B22");
    assertEquals(
        "/flask/notes/" + note + "/edit/", view.html().selectFirst("a.button").attr("href"));
    assertEquals(
        "/flask/notes/" + note + "/delete/", view.html().selectFirst("a.delete-note").attr("href"));

    Page edit = user.get("/flask/notes/" + note + "/edit/");
    assertEquals("" + pad, edit.html().selectFirst("select#pad option[selected]").val());
    Page failed =
        user.submit("/flask/notes/" + note + "/edit/", "name", "Renamed", "text", "", "pad", "0");
    assertEquals("Renamed", failed.title(), "B18: the edit-note page shows the submitted name");
    assertEquals(List.of("text"), failed.fieldsWithErrors());
    assertEquals(
        "" + pad,
        failed.html().selectFirst("select#pad option[selected]").val(),
        "after a failed save the select shows the stored pad, not the posted one");

    Page moved =
        user.submit("/flask/notes/" + note + "/edit/", "name", "First", "text", "x", "pad", "0");
    assertEquals("/flask", moved.location());
    assertNull(queryString("SELECT pad_id FROM note WHERE id = ?", note), "B1: NULL, not 0");
    assertEquals("No pad", user.get("/flask").html().selectFirst("td.pad").text());
    user.submit("/flask/notes/" + note + "/edit/", "name", "First", "text", "x", "pad", "" + pad);

    Page confirm = user.get("/flask/notes/" + note + "/delete/");
    assertTrue(confirm.text().contains("Are you sure you want to delete First?"));
    assertEquals(
        "/flask/notes/" + note + "/",
        confirm.html().selectFirst("a:contains(Cancel)").attr("href"));
    Page deleted = user.submit("/flask/notes/" + note + "/delete/");
    assertEquals(302, deleted.status(), "B2: no 500 after deleting");
    assertEquals("/flask/pads/" + pad + "/", deleted.location());
    assertEquals(
        List.of("success: Note is successfully deleted"),
        user.get("/flask/pads/" + pad + "/").flashes());
    assertEquals(0, queryLong("SELECT COUNT(*) FROM note WHERE id = ?", note));
  }

  @Test
  void anotherUsersRecordsAreNotFound() {
    Browser owner = signedIn(uniqueEmail());
    long pad = createPad(owner, "mine");
    long note = createNote(owner, "mine", "t", "" + pad);
    Browser other = signedIn(uniqueEmail());
    for (String path :
        List.of(
            "/flask/pads/" + pad + "/",
            "/flask/pads/" + pad + "/edit/",
            "/flask/pads/" + pad + "/delete/",
            "/flask/notes/" + note + "/",
            "/flask/notes/" + note + "/edit/",
            "/flask/notes/" + note + "/delete/")) {
      assertEquals(404, other.get(path).status(), path);
    }
    String token = other.get("/flask/pads/create/").csrfToken();
    assertEquals(
        404,
        other.post("/flask/pads/" + pad + "/edit/", "csrf_token", token, "name", "x").status());
    assertEquals(404, other.post("/flask/pads/" + pad + "/delete/", "csrf_token", token).status());
    assertEquals(
        404, other.post("/flask/notes/" + note + "/delete/", "csrf_token", token).status());
    assertEquals("mine", queryString("SELECT name FROM pad WHERE id = ?", pad));
    Page create = other.submit("/flask/notes/create/", "name", "n", "text", "t", "pad", "" + pad);
    assertEquals(List.of("Not a valid choice"), create.errors("pad"), "another user's pad");
    assertTrue(
        other
            .get("/flask/notes/create/?pad=" + pad)
            .html()
            .select("select#pad option[selected]")
            .isEmpty());
  }

  @Test
  void thePadValueIsReadLikePythonsInt() {
    Browser user = signedIn(uniqueEmail());
    long pad = createPad(user, "p");
    String create = "/flask/notes/create/";
    assertEquals(
        List.of("Invalid Choice: could not coerce", "Not a valid choice"),
        user.submit(create, "name", "n", "text", "t", "pad", "abc").errors("pad"));
    assertEquals(
        List.of("Invalid Choice: could not coerce", "Not a valid choice"),
        user.submit(create, "name", "n", "text", "t", "pad", "1.0").errors("pad"));
    assertEquals(
        List.of("Not a valid choice"),
        user.submit(create, "name", "n", "text", "t", "pad", "9".repeat(40)).errors("pad"));
    assertEquals(
        List.of("Invalid Choice: could not coerce"),
        user.submit(create + "?pad=" + pad, "name", "n", "text", "t", "pad", "x").errors("pad"),
        "a valid ?pad= stands when the posted value cannot be read");
    assertEquals(
        "/flask/pads/" + pad + "/",
        user.submit(create, "name", "n", "text", "t", "pad", " +0" + pad + " ").location());
    assertEquals("/flask", user.submit(create, "name", "n", "text", "t", "pad", "-0").location());
    assertEquals(
        "/flask/pads/" + pad + "/",
        user.submit(create + "?pad=" + pad, "name", "n", "text", "t").location(),
        "an absent pad field keeps ?pad=");
    assertTrue(
        user.get(create + "?pad=abc").html().select("select#pad option[selected]").isEmpty());
    assertEquals(
        "" + pad,
        user.get(create + "?pad=" + pad + "&pad=0")
            .html()
            .selectFirst("select#pad option[selected]")
            .val(),
        "the first ?pad= counts");
  }

  @Test
  void notesSortByTheOrderParameter() {
    Browser user = signedIn(uniqueEmail());
    long pad = createPad(user, "p");
    long beta = createNote(user, "beta", "t", "" + pad);
    long alpha = createNote(user, "Alpha", "t", "" + pad);
    long gamma = createNote(user, "gamma", "t", "0");
    execute("UPDATE note SET updated_at = '2020-01-02 10:00:00' WHERE id = ?", beta);
    execute("UPDATE note SET updated_at = '2020-01-03 10:00:00' WHERE id = ?", alpha);
    execute("UPDATE note SET updated_at = '2020-01-01 10:00:00' WHERE id = ?", gamma);
    assertEquals(List.of("Alpha", "beta", "gamma"), names(user.get("/flask?order=name")));
    assertEquals(List.of("gamma", "beta", "Alpha"), names(user.get("/flask?order=-name")));
    assertEquals(List.of("gamma", "beta", "Alpha"), names(user.get("/flask?order=updated_at")));
    assertEquals(List.of("Alpha", "beta", "gamma"), names(user.get("/flask?order=-updated_at")));
    assertEquals(List.of("Alpha", "beta", "gamma"), names(user.get("/flask?order=id;drop")));
    assertEquals(
        List.of("gamma", "beta", "Alpha"),
        names(user.get("/flask?order=-name&order=name")),
        "the first of repeated parameters counts, as request.args.get reads it");
    assertEquals(List.of("Alpha", "beta", "gamma"), names(user.get("/flask")));
    assertEquals(
        List.of("beta", "Alpha"), names(user.get("/flask/pads/" + pad + "/?order=updated_at")));
    Page home = user.get("/flask");
    assertEquals("All notes (3)", home.title());
    assertEquals(
        List.of(
            "/flask?order=name",
            "/flask?order=-name",
            "/flask?order=updated_at",
            "/flask?order=-updated_at"),
        home.html().select("a.sort_arrow").eachAttr("href"),
        "B4: the sort links stay under /flask");
    assertEquals(List.of("↓", "↑", "↓", "↑"), home.html().select("a.sort_arrow").eachText());
    assertTrue(
        home.body().contains("class=\"sort_arrow\">&darr;</a>"), "the arrows as the entities");
    assertEquals("2020-01-03", home.html().selectFirst("td.date").text(), "B5: no 'days ago'");
    assertEquals(
        "/flask/pads/" + pad + "/?order=-name",
        user.get("/flask/pads/" + pad + "/").html().select("a.sort_arrow").get(1).attr("href"));
  }

  @Test
  void yesterdayAndUnchangedSaves() {
    Browser user = signedIn(uniqueEmail());
    long note = createNote(user, "n", "t", "0");
    String yesterday =
        LocalDateTime.now()
            .minusDays(1)
            .withHour(9)
            .withMinute(5)
            .withSecond(0)
            .withNano(0)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    execute("UPDATE note SET updated_at = ? WHERE id = ?", yesterday, note);
    assertEquals("Yesterday at 09:05", user.get("/flask").html().selectFirst("td.date").text());
    user.submit("/flask/notes/" + note + "/edit/", "name", "n", "text", "t", "pad", "0");
    assertTrue(
        queryString("SELECT updated_at FROM note WHERE id = ?", note).startsWith(yesterday),
        "saving unchanged values leaves updated_at alone");
    user.submit("/flask/notes/" + note + "/edit/", "name", "n2", "text", "t", "pad", "0");
    assertFalse(
        queryString("SELECT updated_at FROM note WHERE id = ?", note).startsWith(yesterday));
  }

  @Test
  void markupAndEmojiAreStoredAndEscaped() {
    Browser user = signedIn(uniqueEmail());
    String name = "<script>alert('x')</script> é 😀";
    long pad = createPad(user, name);
    createNote(user, name, "<b>bold</b> & 😀", "" + pad);
    Page page = user.get("/flask");
    assertFalse(page.body().contains("<script>alert"), "escaped");
    assertEquals(name, page.html().selectFirst("td a").text());
    assertEquals(name, page.html().selectFirst("nav li a").text());
    assertEquals(name, queryString("SELECT name FROM pad WHERE id = ?", pad), "B16: utf8mb4");
    long note = queryLong("SELECT MAX(id) FROM note");
    assertEquals(
        "<b>bold</b> & 😀",
        user.get("/flask/notes/" + note + "/").html().selectFirst("div.note").text());
  }

  /**
   * Every place a view prints a name or a text escapes it as the original's layer did (spec 7):
   * template text as Jinja2 ({@code &#34; &#39;}); form widgets as WTForms 1.0.3, whose Python 2
   * {@code cgi.escape} leaves the single quote as it is in attribute values ({@code " -> &quot;})
   * and both quotes as they are in a textarea's text and an option's label. The raw bytes never
   * hold the markup.
   */
  @Test
  void aScriptNameIsEscapedOnEveryPageThatPrintsIt() {
    Browser user = signedIn(uniqueEmail());
    String name = "<script>alert(\"x\")</script>'&";
    String escaped = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&#39;&amp;";
    String inAttribute = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'&amp;";
    String inWidgetText = "&lt;script&gt;alert(\"x\")&lt;/script&gt;'&amp;";
    long pad = createPad(user, name);
    long note = createNote(user, name, name, "" + pad);
    String[] pages = {
      "/flask",
      "/flask/pads/" + pad + "/",
      "/flask/pads/" + pad + "/edit/",
      "/flask/pads/" + pad + "/delete/",
      "/flask/notes/" + note + "/",
      "/flask/notes/" + note + "/edit/",
      "/flask/notes/" + note + "/delete/",
      "/flask/notes/create/"
    };
    for (String path : pages) {
      String body = user.get(path).body();
      assertFalse(body.contains("<script>"), path);
      assertTrue(body.contains(escaped), path);
    }
    String edit = user.get("/flask/notes/" + note + "/edit/").body();
    assertTrue(edit.contains("<title>" + escaped + "</title>"), "title");
    assertTrue(
        edit.contains(
            "<input id=\"name\" name=\"name\" type=\"text\" value=\"" + inAttribute + "\">"),
        "the name input, attributes in WTForms' (sorted) order");
    assertTrue(
        edit.contains("<textarea id=\"text\" name=\"text\">" + inWidgetText + "</textarea>"),
        "the textarea");
    assertTrue(
        edit.contains(
            "<select id=\"pad\" name=\"pad\"><option value=\"0\">---------</option>"
                + "<option selected value=\""
                + pad
                + "\">"
                + inWidgetText
                + "</option></select>"),
        "the pad select, rendered in one piece");
    Page view = user.get("/flask/notes/" + note + "/");
    assertTrue(view.body().contains("<div class=\"note\">" + escaped + "</div>"));
    assertEquals(name, view.html().selectFirst("div.note").text());
    Page rejected =
        user.submit("/flask/signup/", "email", name, "password", "", "repeat_password", "");
    assertTrue(
        rejected
            .body()
            .contains(
                "<input id=\"email\" name=\"email\" type=\"text\" value=\"" + inAttribute + "\">"));
    assertTrue(
        rejected
            .body()
            .contains("<input id=\"password\" name=\"password\" type=\"password\" value=\"\">"));
  }

  @Test
  void valuesLongerThanTheColumnsAreA400AndSaveNothing() {
    Browser user = signedIn(uniqueEmail());
    Page pad = user.submit("/flask/pads/create/", "name", "p".repeat(101));
    assertEquals(400, pad.status());
    assertEquals("400 Bad Request", pad.title());
    assertEquals(0, queryLong("SELECT COUNT(*) FROM pad WHERE name LIKE 'ppp%'"));
    Page note =
        user.submit("/flask/notes/create/", "name", "n".repeat(101), "text", "t", "pad", "0");
    assertEquals(400, note.status());
    assertEquals(0, queryLong("SELECT COUNT(*) FROM note WHERE name LIKE 'nnn%'"));
    String longEmail = "e".repeat(120) + "@example.com";
    Page signup =
        browser()
            .submit("/flask/signup/", "email", longEmail, "password", "p", "repeat_password", "p");
    assertEquals(400, signup.status());
    assertEquals(0, queryLong("SELECT COUNT(*) FROM `user` WHERE email = ?", longEmail));
    assertEquals(200, user.get("/flask").status(), "the session and the app are fine afterwards");
  }

  @Test
  void mysqlConnectionsAreStrictWhateverTheServerDefault() throws Exception {
    Assumptions.assumeTrue(schema.kind().isMysql());
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT @@SESSION.sql_mode")) {
      rs.next();
      assertTrue(rs.getString(1).contains("STRICT_ALL_TABLES"), rs.getString(1));
    }
  }

  /**
   * A body built by hand is read as Werkzeug 0.8.3 read it: the raw token's {@code #} is an
   * ordinary character, a broken {@code %} escape stays as it is, bytes that are not UTF-8 become
   * U+FFFD, {@code +} is a space, only {@code &} separates pairs, escaped names count, and the
   * first of repeated fields wins.
   */
  @Test
  void handBuiltBodiesAreReadAsWerkzeugReadsThem() {
    Browser user = signedIn(uniqueEmail());
    String token = user.get("/flask/pads/create/").csrfToken();
    assertTrue(token.contains("##"), token);
    String[][] cases = {
      {"name=%zz", "%zz"},
      {"name=a%ffb%2", "a\ufffdb%2"},
      {"name=x#y", "x#y"},
      {"name=a+b%2Bc;d=e", "a b+c;d=e"},
      {"na%6De=k", "k"},
      {"name=first&name=second", "first"},
    };
    for (String[] c : cases) {
      Page created = user.postBody("/flask/pads/create/", "csrf_token=" + token + "&" + c[0]);
      assertEquals(302, created.status(), c[0]);
      assertEquals(
          c[1], queryString("SELECT name FROM pad WHERE id = (SELECT MAX(id) FROM pad)"), c[0]);
    }
    Page empty = user.postBody("/flask/pads/create/", "csrf_token=" + token + "&&name");
    assertEquals(List.of("This field is required."), empty.errors("name"), "no '=': empty value");
  }

  /**
   * Werkzeug fills the form from multipart bodies too (file parts left out), and from no other
   * type: a text/plain body is no data at all.
   */
  @Test
  void multipartBodiesAreFormsAndOtherTypesAreNot() {
    Browser user = signedIn(uniqueEmail());
    String token = user.get("/flask/pads/create/").csrfToken();
    String multipart =
        "--XyZ\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
            + token
            + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"name\"; filename=\"a.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nfrom a file\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nmulti\r\npart"
            + "\r\n--XyZ--\r\n";
    Page created =
        user.postBody("/flask/pads/create/", "multipart/form-data; boundary=XyZ", multipart);
    assertEquals(302, created.status());
    assertEquals(
        "multi\r\npart", queryString("SELECT name FROM pad WHERE id = (SELECT MAX(id) FROM pad)"));
    long pads = queryLong("SELECT COUNT(*) FROM pad");
    Page plain =
        user.postBody(
            "/flask/pads/create/",
            "text/plain",
            Browser.encode("csrf_token", token, "name", "plain"));
    assertEquals(200, plain.status());
    assertEquals("New pad", plain.title());
    assertEquals(pads, queryLong("SELECT COUNT(*) FROM pad"), "nothing created");
  }

  @Test
  void oversizedBodiesAreAClean413() {
    Browser user = signedIn(uniqueEmail());
    Page tooBig = user.postBody("/flask/pads/create/", "name=" + "a".repeat(1_100_000));
    assertEquals(413, tooBig.status());
    assertEquals("413 Request Entity Too Large", tooBig.title());
    assertEquals(0, queryLong("SELECT COUNT(*) FROM pad WHERE name LIKE 'aaaa%'"));
  }

  private static List<String> names(Page page) {
    return page.html().select("table.notes tr td:first-child a").eachText();
  }
}
