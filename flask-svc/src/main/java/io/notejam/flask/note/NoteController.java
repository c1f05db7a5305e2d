package io.notejam.flask.note;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.notejam.common.session.CookieSession;
import io.notejam.flask.csrf.CsrfTokens;
import io.notejam.flask.db.Jdbc;
import io.notejam.flask.pad.Pad;
import io.notejam.flask.pad.PadRepository;
import io.notejam.flask.user.SignedIn;
import io.notejam.flask.user.User;
import io.notejam.flask.user.UserWithPads;
import io.notejam.flask.web.Flashes;
import io.notejam.flask.web.FormData;
import io.notejam.flask.web.Ids;
import io.notejam.flask.web.NotFoundException;
import io.notejam.flask.web.Pages;
import io.notejam.flask.web.Query;
import io.notejam.flask.web.Redirects;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Notes: create, view, edit, delete (spec 6; the lists are in {@link NoteListController}). Every
 * route needs a signed-in user, and a note that is not theirs is a 404.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(Pages.HTML)
public final class NoteController {
  private final Jdbc jdbc;
  private final NoteRepository notes;
  private final PadRepository pads;
  private final SignedIn signedIn;
  private final CsrfTokens csrf;
  private final Pages pages;

  /** The pages (GET) read everything they show on one pooled connection. */
  public NoteController(
      Jdbc jdbc,
      NoteRepository notes,
      PadRepository pads,
      SignedIn signedIn,
      CsrfTokens csrf,
      Pages pages) {
    this.jdbc = jdbc;
    this.notes = notes;
    this.pads = pads;
    this.signedIn = signedIn;
    this.csrf = csrf;
    this.pages = pages;
  }

  @Get("/flask/notes/create/")
  public HttpResponse<?> createForm(HttpRequest<?> request) {
    String pad = Query.first(request, "pad");
    return jdbc.read(
        c -> {
          UserWithPads signedInUser = signedIn.requireWithPads(request, c);
          User user = signedInUser.user();
          return renderForm(
              request, user, "New note", NoteForm.forCreate(pad, signedInUser.pads()));
        });
  }

  @Post(value = "/flask/notes/create/", consumes = MediaType.ALL)
  public HttpResponse<?> create(HttpRequest<?> request, @Body @Nullable String body) {
    String pad = Query.first(request, "pad");
    User user = signedIn.require(request);
    FormData data = FormData.parse(request, body);
    NoteForm form = NoteForm.forCreate(pad, pads.findByUser(user.id())).post(data, false);
    CookieSession session = CookieSession.of(request);
    boolean tokenOk = csrf.accepts(session, data);
    if (!form.validate() || !tokenOk) {
      return renderForm(request, user, "New note", form);
    }
    Long padId = form.padId();
    notes.create(form.getName().getValue(), form.getText().getValue(), user.id(), padId);
    Flashes.success(session, "Note is successfully created");
    return Redirects.found(request, landing(padId));
  }

  @Get("/flask/notes/{id:[0-9]+}/")
  public HttpResponse<?> view(HttpRequest<?> request, String id) {
    return jdbc.read(
        c -> {
          UserWithPads signedInUser = signedIn.requireWithPads(request, c);
          User user = signedInUser.user();
          Note note = owned(c, id, user);
          return pages.app(
              request,
              user,
              signedInUser.pads(),
              "note/view",
              note.name(),
              Map.of("note", note, "dates", SmartDate.now()));
        });
  }

  @Get("/flask/notes/{id:[0-9]+}/edit/")
  public HttpResponse<?> editForm(HttpRequest<?> request, String id) {
    return jdbc.read(
        c -> {
          UserWithPads signedInUser = signedIn.requireWithPads(request, c);
          User user = signedInUser.user();
          Note note = owned(c, id, user);
          NoteForm form = NoteForm.forEdit(note, signedInUser.pads());
          return renderForm(request, user, note.name(), form);
        });
  }

  /** A failed save titles the page with the submitted name, not the stored one (B18). */
  @Post(value = "/flask/notes/{id:[0-9]+}/edit/", consumes = MediaType.ALL)
  public HttpResponse<?> edit(HttpRequest<?> request, String id, @Body @Nullable String body) {
    User user = signedIn.require(request);
    Note note = owned(id, user);
    FormData data = FormData.parse(request, body);
    NoteForm form = NoteForm.forEdit(note, pads.findByUser(user.id())).post(data, true);
    CookieSession session = CookieSession.of(request);
    boolean tokenOk = csrf.accepts(session, data);
    if (!form.validate() || !tokenOk) {
      return renderForm(request, user, form.getName().getValue(), form.showStoredPad(note));
    }
    Long padId = form.padId();
    notes.update(note, form.getName().getValue(), form.getText().getValue(), padId);
    Flashes.success(session, "Note is successfully updated");
    return Redirects.found(request, landing(padId));
  }

  @Get("/flask/notes/{id:[0-9]+}/delete/")
  public HttpResponse<?> deleteForm(HttpRequest<?> request, String id) {
    return jdbc.read(
        c -> {
          UserWithPads signedInUser = signedIn.requireWithPads(request, c);
          User user = signedInUser.user();
          Note note = owned(c, id, user);
          return renderDelete(request, user, signedInUser.pads(), note);
        });
  }

  /**
   * Deletes, then lands on the note's pad (or home) with the flash: what the original meant to do
   * and, having lost the pad, answered with a 500 instead (B2). Checks the token (B9).
   */
  @Post(value = "/flask/notes/{id:[0-9]+}/delete/", consumes = MediaType.ALL)
  public HttpResponse<?> delete(HttpRequest<?> request, String id, @Body @Nullable String body) {
    User user = signedIn.require(request);
    Note note = owned(id, user);
    CookieSession session = CookieSession.of(request);
    if (!csrf.accepts(session, FormData.parse(request, body))) {
      return renderDelete(request, user, pads.findByUser(user.id()), note);
    }
    notes.delete(note.id());
    Flashes.success(session, "Note is successfully deleted");
    return Redirects.found(request, landing(note.hasPad() ? note.padId() : null));
  }

  private Note owned(String id, User user) {
    return notes.findOwned(Ids.parse(id), user.id()).orElseThrow(NotFoundException::new);
  }

  private Note owned(Connection c, String id, User user) throws SQLException {
    return notes.findOwned(c, Ids.parse(id), user.id()).orElseThrow(NotFoundException::new);
  }

  private static String landing(Long padId) {
    return padId == null ? "/flask" : "/flask/pads/" + padId + "/";
  }

  /** The form's pads are the user's, so they fill the sidebar as well. */
  private HttpResponse<?> renderForm(
      HttpRequest<?> request, User user, String title, NoteForm form) {
    return pages.app(request, user, form.getPads(), "note/form", title, Map.of("form", form));
  }

  private HttpResponse<?> renderDelete(
      HttpRequest<?> request, User user, List<Pad> sidebar, Note note) {
    return pages.app(request, user, sidebar, "note/delete", note.name(), Map.of("note", note));
  }
}
