package io.notejam.express;

import static io.notejam.express.Fixtures.USER1;
import static io.notejam.express.Fixtures.USER2;
import static io.notejam.express.UserAccountsTest.title;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pads and notes (spec 4, 5): pages, ownership, sorting, dates, and the Fix items 8.4–8.11, 8.22,
 * 8.24, 8.25. User 1 works on the fixtures; tests that need a clean slate sign up their own user.
 */
@MicronautTest
class PadsAndNotesTest extends ServiceTest {
  private Browser user1;
  private Browser user2;
  private int users;

  @BeforeAll
  void fixtures() {
    Fixtures.apply(schema);
    user1 = signedIn(USER1);
    user2 = signedIn(USER2);
  }

  /** A browser signed in as a new user with no pads and no notes. */
  private Browser freshUser() {
    String email = "notes" + ++users + "@example.com";
    browser().postJson("/express/signup", Fixtures.credentials(email, Fixtures.PASSWORD));
    return signedIn(email);
  }

  private long createPad(Browser agent, String name) {
    assertEquals(302, agent.postForm("/express/pads/create", Map.of("name", name)).status());
    return Rows.number(schema, "SELECT MAX(id) FROM pads WHERE name = ?", name);
  }

  private long createNote(Browser agent, String json) {
    var res = agent.postJson("/express/notes/create", json);
    assertEquals(302, res.status(), res.body());
    return Rows.number(schema, "SELECT MAX(id) FROM notes");
  }

  @Test
  void anonymousVisitorsAreSentToSignInEvenForMissingIds() {
    Browser anonymous = browser();
    for (String path :
        List.of(
            "/express/",
            "/express/pads/create",
            "/express/pads/1",
            "/express/pads/999/edit",
            "/express/pads/abc/delete",
            "/express/notes/create",
            "/express/notes/1",
            "/express/notes/999/edit",
            "/express/notes/1/delete")) {
      var res = anonymous.get(path);
      assertEquals(302, res.status(), path);
      assertEquals("/express/signin", res.location(), path);
    }
    var post = anonymous.postJson("/express/notes/create", "{\"name\":\"n\",\"text\":\"t\"}");
    assertEquals("/express/signin", post.location());
    assertEquals("/express/signin", anonymous.post("/express/pads/1/delete").location());
    assertEquals(0, Rows.number(schema, "SELECT COUNT(*) FROM notes WHERE name = 'n'"));
  }

  @Test
  void idsThatAreNotPlainNumbersOrNotYoursArePlainNotFound() {
    for (String path :
        List.of(
            "/express/pads/abc",
            "/express/pads/01",
            "/express/pads/1.0",
            "/express/pads/-1",
            "/express/pads/99999999999999999999",
            "/express/pads/999/edit",
            "/express/notes/%201",
            "/express/notes/abc/edit",
            "/express/notes/999/delete")) {
      var res = user1.get(path);
      assertEquals(404, res.status(), path);
      assertEquals("Not Found", res.body(), path);
      assertTrue(res.contentType().startsWith("text/plain"), path);
    }
    assertEquals(404, user2.get("/express/pads/1/edit").status());
    assertEquals(404, user2.get("/express/notes/1/delete").status());
    var unknownSubPath = user1.get("/express/pads/1/foo");
    assertEquals(404, unknownSubPath.status());
    assertTrue(unknownSubPath.body().contains("<h1>Not Found</h1>"));
  }

  @Test
  void noteEditKeepsTheFieldsItIsNotSentAndEmptiesNulls() {
    Browser agent = freshUser();
    long pad = createPad(agent, "Keep");
    long note =
        createNote(agent, "{\"name\":\"old\",\"text\":\"kept text\",\"pad_id\":" + pad + "}");
    var renamed = agent.postJson("/express/notes/" + note + "/edit", "{\"name\":\"renamed\"}");
    assertEquals(302, renamed.status(), renamed.body());
    assertEquals("renamed", Rows.value(schema, "SELECT name FROM notes WHERE id = ?", note));
    assertEquals("kept text", Rows.value(schema, "SELECT text FROM notes WHERE id = ?", note));
    assertEquals(pad, Rows.number(schema, "SELECT pad_id FROM notes WHERE id = ?", note));
    var nulled = agent.postJson("/express/notes/" + note + "/edit", "{\"text\":null}");
    assertEquals(200, nulled.status());
    assertTrue(nulled.body().contains("<li>Text is required</li>"));
  }

  @Test
  void unknownSubPathsAndMethodsOfARecordNotYoursGetThePlain404() {
    for (String[] request :
        List.of(
            new String[] {"GET", "/express/pads/999/foo"},
            new String[] {"POST", "/express/pads/1/foo"},
            new String[] {"PUT", "/express/notes/999"},
            new String[] {"DELETE", "/express/pads/1"},
            new String[] {"GET", "/express/notes/1/edit/more"},
            new String[] {"GET", "/express/notes/create/x"})) {
      var res = user2.method(request[0], request[1]);
      assertEquals(404, res.status(), request[1]);
      assertEquals("Not Found", res.body(), request[0] + " " + request[1]);
    }
    var owned = user1.method("PUT", "/express/notes/1");
    assertEquals(404, owned.status());
    assertTrue(owned.body().contains("<h1>Not Found</h1>"));
    var anonymous = browser().get("/express/pads/999/foo");
    assertEquals(404, anonymous.status());
    assertTrue(anonymous.body().contains("<h1>Not Found</h1>"));
  }

  @Test
  void allNotesListsNotesWithPadsAndSortLinks() {
    Browser agent = freshUser();
    long pad = createPad(agent, "Work");
    createNote(agent, "{\"name\":\"beta\",\"text\":\"t\",\"pad_id\":" + pad + "}");
    createNote(agent, "{\"name\":\"alpha\",\"text\":\"t\"}");
    String page = agent.get("/express/").body();
    assertEquals("All notes (2)", title(page));
    assertTrue(page.contains("<a href=\"/express/?order=-name\" class=\"sort_arrow\"> ↑</a>"));
    assertTrue(page.contains("<a href=\"/express/?order=updated_at\" class=\"sort_arrow\">↓</a>"));
    assertTrue(
        page.contains("<td class=\"pad\"><a href=\"/express/pads/" + pad + "\">Work</a></td>"));
    assertTrue(page.contains("<td class=\"pad\">No pad</td>"));
    assertTrue(page.contains("<td class=\"hidden-text date\">a few seconds ago</td>"));
    assertTrue(page.contains("<li><a href=\"/express/pads/" + pad + "\">Work</a></li>"), "sidebar");
    assertTrue(page.contains("<a href=\"/express/notes/create\" class=\"button\">New note</a>"));
    assertTrue(
        agent.get("/express/?order=name").body().indexOf(">alpha<")
            < agent.get("/express/?order=name").body().indexOf(">beta<"));
    String descending = agent.get("/express/?order=-name").body();
    assertTrue(descending.indexOf(">beta<") < descending.indexOf(">alpha<"));
    for (String order : List.of("bogus", "", "-", "NAME", "name;drop")) {
      assertEquals(200, agent.get("/express/?order=" + order).status(), order);
    }
  }

  @Test
  void namesSortByTheirBytesAndARepeatedOrderSortsOnEachColumn() {
    Browser agent = freshUser();
    for (String name : List.of("beta", "Alpha", "alpha", "Beta")) {
      createNote(agent, "{\"name\":\"" + name + "\",\"text\":\"same\"}");
    }
    createNote(agent, "{\"name\":\"zulu\",\"text\":\"first\"}");
    assertEquals(
        List.of("Alpha", "Beta", "alpha", "beta", "zulu"),
        names(agent.get("/express/?order=name").body()));
    assertEquals(
        List.of("zulu", "beta", "alpha", "Beta", "Alpha"),
        names(agent.get("/express/?order=-name").body()));
    assertEquals(
        List.of("zulu", "beta", "alpha", "Beta", "Alpha"),
        names(agent.get("/express/?order=text&order=-name").body()));
    assertEquals(
        names(agent.get("/express/").body()),
        names(agent.get("/express/?order=text&order=bogus").body()),
        "one bad value: the default order");
  }

  /** The note names of a notes table, in page order. */
  private static List<String> names(String page) {
    return java.util.regex.Pattern.compile("<td><a href=\"/express/notes/\\d+\">([^<]*)</a>")
        .matcher(page)
        .results()
        .map(m -> m.group(1))
        .toList();
  }

  @Test
  void emptyListsInviteTheFirstNote() {
    Browser agent = freshUser();
    String all = agent.get("/express/").body();
    assertEquals("All notes (0)", title(all));
    assertTrue(all.contains("<p class=\"empty\">Create your first note</p>"));
    assertTrue(all.contains("<p class=\"empty\">No pads yet</p>"));
    long pad = createPad(agent, "Empty");
    String padPage = agent.get("/express/pads/" + pad).body();
    assertEquals("Empty (0)", title(padPage));
    assertTrue(padPage.contains("Create your first note in the pad"));
    assertTrue(
        padPage.contains(
            "href=\"/express/notes/create?pad=" + pad + "\" class=\"button\">New note</a>"));
    assertTrue(padPage.contains("href=\"/express/pads/" + pad + "/edit\">Pad settings</a>"));
  }

  @Test
  void padPageListsOnlyItsNotesWithTrailingSlashSortLinks() {
    Browser agent = freshUser();
    long pad = createPad(agent, "Mine");
    createNote(agent, "{\"name\":\"in pad\",\"text\":\"t\",\"pad_id\":\"" + pad + "\"}");
    createNote(agent, "{\"name\":\"elsewhere\",\"text\":\"t\"}");
    var res = agent.get("/express/pads/" + pad + "/?order=name");
    assertEquals(200, res.status());
    assertEquals("Mine (1)", title(res.body()));
    assertTrue(res.body().contains(">in pad<"));
    assertFalse(res.body().contains(">elsewhere<"));
    assertFalse(res.body().contains("<th>Pad</th>"));
    assertTrue(res.body().contains("href=\"/express/pads/" + pad + "/?order=-updated_at\""));
  }

  @Test
  void aNoteCannotGoIntoSomeoneElsesPadNorBeGivenAway() {
    Browser agent = freshUser();
    long own = createPad(agent, "Own");
    long note = createNote(agent, "{\"name\":\"n\",\"text\":\"t\",\"pad_id\":1}");
    assertNull(Rows.value(schema, "SELECT pad_id FROM notes WHERE id = ?", note), "user 1's pad");
    assertEquals(
        0, Rows.number(schema, "SELECT COUNT(*) FROM notes WHERE pad_id = 1 AND id = ?", note));
    var edit =
        agent.postJson(
            "/express/notes/" + note + "/edit",
            "{\"name\":\"n2\",\"text\":\"t2\",\"pad_id\":" + own + ",\"user_id\":1,\"id\":1}");
    assertEquals("/express/notes/" + note, edit.location());
    assertEquals(own, Rows.number(schema, "SELECT pad_id FROM notes WHERE id = ?", note));
    assertEquals("n2", Rows.value(schema, "SELECT name FROM notes WHERE id = ?", note));
    assertEquals(200, agent.get("/express/notes/" + note).status(), "still the user's own note");
    assertEquals(
        "Note 1", Rows.value(schema, "SELECT name FROM notes WHERE id = 1"), "note 1 untouched");
  }

  @Test
  void placeholderOrEmptyPadMeansNoPadAndAnAbsentPadKeepsTheNotesPad() {
    Browser agent = freshUser();
    long pad = createPad(agent, "P");
    long placeholder =
        createNote(agent, "{\"name\":\"a\",\"text\":\"t\",\"pad_id\":\"--------------\"}");
    assertNull(Rows.value(schema, "SELECT pad_id FROM notes WHERE id = ?", placeholder));
    long note = createNote(agent, "{\"name\":\"b\",\"text\":\"t\",\"pad_id\":" + pad + "}");
    agent.postJson("/express/notes/" + note + "/edit", "{\"name\":\"b\",\"text\":\"t2\"}");
    assertEquals(pad, Rows.number(schema, "SELECT pad_id FROM notes WHERE id = ?", note));
    agent.postForm(
        "/express/notes/" + note + "/edit", Map.of("name", "b", "text", "t", "pad_id", ""));
    assertNull(Rows.value(schema, "SELECT pad_id FROM notes WHERE id = ?", note));
  }

  @Test
  void createFormsPreselectAPadAndUseTheOriginalPlaceholders() {
    Browser agent = freshUser();
    long pad = createPad(agent, "Pre");
    String form = agent.get("/express/notes/create?pad=" + pad).body();
    assertEquals("New note", title(form));
    assertTrue(form.contains("<option value=\"\">--------------</option>"));
    assertTrue(form.contains("<option value=\"" + pad + "\" selected>Pre</option>"));
    assertFalse(
        agent.get("/express/notes/create?pad=1").body().contains("selected"), "foreign pad");
    long note = createNote(agent, "{\"name\":\"x\",\"text\":\"y\",\"pad_id\":" + pad + "}");
    String edit = agent.get("/express/notes/" + note + "/edit").body();
    assertTrue(edit.contains("<option value=\"\">----------</option>"));
    assertTrue(edit.contains("<option value=\"" + pad + "\" selected>Pre</option>"));
    assertTrue(edit.contains("<input id=\"name\" type=\"text\" name=\"name\" value=\"x\">"));
    assertTrue(edit.contains("<textarea name=\"text\">y</textarea>"));
  }

  @Test
  void timestampsAreSetOnCreateAndMovedOnEdit() {
    Browser agent = freshUser();
    long note = createNote(agent, "{\"name\":\"dated\",\"text\":\"t\"}");
    assertTrue(
        agent.get("/express/notes/" + note).body().contains("Last edited a few seconds ago"));
    Rows.update(
        schema,
        "UPDATE notes SET created_at = '2001-01-01 00:00:00', updated_at = '2001-01-01 00:00:00'"
            + " WHERE id = ?",
        note);
    assertTrue(agent.get("/express/notes/" + note).body().contains("years ago"));
    agent.postJson("/express/notes/" + note + "/edit", "{\"name\":\"dated\",\"text\":\"new\"}");
    assertTrue(
        agent.get("/express/notes/" + note).body().contains("Last edited a few seconds ago"));
    assertTrue(agent.get("/express/").body().contains("a few seconds ago"));
    Rows.update(schema, "UPDATE notes SET updated_at = NULL WHERE id = ?", note);
    assertTrue(agent.get("/express/notes/" + note).body().contains("Last edited Invalid date"));
  }

  @Test
  void deletingAPadKeepsItsNotesWithNoPad() {
    Browser agent = freshUser();
    long pad = createPad(agent, "Doomed");
    long note = createNote(agent, "{\"name\":\"survivor\",\"text\":\"t\",\"pad_id\":" + pad + "}");
    String confirm = agent.get("/express/pads/" + pad + "/delete").body();
    assertEquals("Doomed", title(confirm));
    assertTrue(confirm.contains("Are you sure you want to delete the pad?"));
    assertTrue(confirm.contains("value=\"Yes, delete I want to delete this pad\""));
    assertTrue(confirm.contains("<a href=\"/express/pads/" + pad + "/edit\">Cancel</a>"));
    var res = agent.follow(agent.post("/express/pads/" + pad + "/delete"));
    assertTrue(res.body().contains("Pad is successfully deleted"));
    assertTrue(res.body().contains("<td class=\"pad\">No pad</td>"));
    assertNull(Rows.value(schema, "SELECT pad_id FROM notes WHERE id = ?", note));
    assertEquals(404, agent.post("/express/pads/" + pad + "/delete").status());
  }

  @Test
  void noteViewAndDeleteConfirmation() {
    Browser agent = freshUser();
    long note = createNote(agent, "{\"name\":\"Shown\",\"text\":\"line one\\nline two\"}");
    String view = agent.get("/express/notes/" + note).body();
    assertEquals("Shown", title(view));
    assertTrue(view.contains("<div class=\"note\"><p>line one\nline two</p></div>"));
    assertTrue(
        view.contains("<a href=\"/express/notes/" + note + "/edit\" class=\"button\">Edit</a>"));
    assertTrue(
        view.contains(
            "href=\"/express/notes/" + note + "/delete\" class=\"delete-note\">Delete it</a>"));
    String confirm = agent.get("/express/notes/" + note + "/delete").body();
    assertTrue(confirm.contains("Are you sure you want to delete the note?"));
    assertTrue(confirm.contains("value=\"Yes, delete I want to delete this note\""));
    assertTrue(confirm.contains("<a href=\"/express/notes/" + note + "\">Cancel</a>"));
    var deleted = agent.postForm("/express/notes/" + note + "/delete", Map.of("anything", "x"));
    assertEquals("/express", deleted.location());
    assertEquals(404, agent.post("/express/notes/" + note + "/delete").status());
  }

  @Test
  void failedEditsKeepTheSubmissionAndFailedCreatesDoNot() {
    Browser agent = freshUser();
    long pad = createPad(agent, "Kept");
    String padEdit = agent.postJson("/express/pads/" + pad + "/edit", "{\"name\":\"\"}").body();
    assertEquals("", title(padEdit));
    assertTrue(padEdit.contains("Name is required"));
    assertTrue(
        padEdit.contains(
            "<a href=\"/express/pads/" + pad + "/delete\" class=\"red\">Delete pad</a>"));
    assertTrue(
        agent.postJson("/express/pads/" + pad + "/edit", "{}").body().contains("Name is required"),
        "absent name is validated (8.8)");
    long note = createNote(agent, "{\"name\":\"orig\",\"text\":\"t\"}");
    String noteEdit =
        agent
            .postJson("/express/notes/" + note + "/edit", "{\"name\":\"typed\",\"text\":\"\"}")
            .body();
    assertEquals("typed", title(noteEdit));
    assertTrue(noteEdit.contains("value=\"typed\""));
    assertTrue(noteEdit.contains("Text is required"));
    assertEquals("orig", Rows.value(schema, "SELECT name FROM notes WHERE id = ?", note));
    String create =
        agent.postJson("/express/notes/create", "{\"name\":\"typed\",\"text\":\"\"}").body();
    assertTrue(
        create.contains("<input id=\"name\" type=\"text\" name=\"name\"><label for=\"text\">"));
  }

  @Test
  void padEditTakesTheNameFromTheQueryWhenTheBodyHasNone() {
    Browser agent = freshUser();
    long pad = createPad(agent, "Before");
    var res = agent.post("/express/pads/" + pad + "/edit?name=After");
    assertEquals("/express", res.location());
    assertEquals("After", Rows.value(schema, "SELECT name FROM pads WHERE id = ?", pad));
  }

  @Test
  void namesUpToTheColumnLengthAreKeptWholeLongerOnesAreRefused() {
    Browser agent = freshUser();
    String hundred = "n".repeat(100);
    long pad = createPad(agent, hundred);
    assertEquals(hundred, Rows.value(schema, "SELECT name FROM pads WHERE id = ?", pad));
    var tooLong = agent.postJson("/express/pads/create", "{\"name\":\"" + "n".repeat(101) + "\"}");
    assertEquals(200, tooLong.status());
    assertTrue(tooLong.body().contains("Name is too long (100 characters at most)"));
    var noteTooLong =
        agent.postJson(
            "/express/notes/create", "{\"name\":\"" + "n".repeat(101) + "\",\"text\":\"t\"}");
    assertTrue(noteTooLong.body().contains("Name is too long"));
    String bigText = "é".repeat(40_000);
    long note = createNote(agent, "{\"name\":\"big\",\"text\":\"" + bigText + "\"}");
    assertEquals(bigText, Rows.value(schema, "SELECT text FROM notes WHERE id = ?", note));
  }

  @Test
  void whitespaceCountsAsContent() {
    Browser agent = freshUser();
    assertEquals(302, agent.postJson("/express/pads/create", "{\"name\":\" \"}").status());
    assertEquals(
        302, agent.postJson("/express/notes/create", "{\"name\":\" \",\"text\":\" \"}").status());
  }

  @Test
  void markupInAnyFieldIsEscaped() {
    Browser agent = freshUser();
    String script = "<script>alert(\\\"x\\\")</script>";
    long pad = createPad(agent, "<script>alert(\"x\")</script>");
    long note =
        createNote(
            agent,
            "{\"name\":\"" + script + "\",\"text\":\"" + script + "\",\"pad_id\":" + pad + "}");
    for (String path :
        List.of(
            "/express/",
            "/express/pads/" + pad,
            "/express/notes/" + note,
            "/express/notes/" + note + "/edit")) {
      String page = agent.get(path).body();
      assertFalse(page.contains("<script>"), path);
      assertTrue(page.contains("&lt;script&gt;alert("), path);
    }
    String escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;";
    String editForm = agent.get("/express/notes/" + note + "/edit").body();
    assertTrue(editForm.contains("<title>" + escaped + "</title>"));
    assertTrue(
        editForm.contains("<input id=\"name\" type=\"text\" name=\"name\" value=\"" + escaped));
    assertTrue(editForm.contains("<textarea name=\"text\">" + escaped + "</textarea>"));
    assertTrue(editForm.contains(" selected>" + escaped + "</option>"));
    String padForm = agent.get("/express/pads/" + pad + "/edit").body();
    assertTrue(padForm.contains("name=\"name\" value=\"" + escaped + "\">"));
  }

  @Test
  void quotesAndAmpersandsAreEscapedEverywhere() {
    Browser agent = freshUser();
    long pad = createPad(agent, "Tom & Jerry's \"pad\"");
    // Jade escapes & < > " and leaves the single quote as it is (spec 6.1).
    String escaped = "Tom &amp; Jerry's &quot;pad&quot;";
    String padPage = agent.get("/express/pads/" + pad).body();
    assertTrue(padPage.contains("<span>" + escaped + " (0)</span>"));
    assertTrue(
        padPage.contains("<li><a href=\"/express/pads/" + pad + "\">" + escaped + "</a></li>"));
    String editForm = agent.get("/express/pads/" + pad + "/edit").body();
    assertTrue(editForm.contains("value=\"" + escaped + "\""));
  }

  @Test
  void badBodiesGetCleanErrorPages() {
    var malformed = user1.postRaw("/express/notes/create", "application/json", "{\"name\":");
    assertEquals(400, malformed.status());
    assertTrue(malformed.body().contains("<h1>Bad Request</h1>"));
    assertEquals(400, user1.postRaw("/express/pads/create", "application/json", "[1]").status());
    assertEquals(
        400,
        user1
            .postRaw("/express/pads/create", "application/x-www-form-urlencoded", "name=%zz")
            .status());
    var huge =
        user1.postJson(
            "/express/notes/create", "{\"name\":\"n\",\"text\":\"" + "x".repeat(120_000) + "\"}");
    // Refused by the server's body aggregation before any route runs: the page of an anonymous
    // visitor, since the session is not read (spec 8.18).
    assertEquals(413, huge.status());
    assertTrue(huge.body().contains("<h1>Request Entity Too Large</h1>"), huge.body());
    assertEquals("text/html; charset=utf-8", huge.contentType());
    for (var res : List.of(malformed, huge)) {
      assertFalse(res.body().contains("Exception"));
      assertFalse(res.body().contains("at io."));
    }
    var plainText = user1.postRaw("/express/pads/create", "text/plain", "name=x");
    assertTrue(plainText.body().contains("Name is required"), "unknown body types are ignored");
  }
}
