package io.notejam.express.note;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.notejam.common.session.CookieSession;
import io.notejam.express.pad.Pad;
import io.notejam.express.user.CurrentUser;
import io.notejam.express.user.CurrentUser.PageQuery;
import io.notejam.express.user.SignedIn;
import io.notejam.express.web.FieldErrors;
import io.notejam.express.web.Flash;
import io.notejam.express.web.FormBody;
import io.notejam.express.web.FormBodyReader;
import io.notejam.express.web.Ids;
import io.notejam.express.web.Names;
import io.notejam.express.web.Pages;
import io.notejam.express.web.Responses;
import java.time.Instant;
import java.util.Optional;

/**
 * Notes (spec 5.2–5.7): create, view, edit, delete. Only {@code name}, {@code text} and {@code
 * pad_id} are read from a body (spec 8.7), and a pad is accepted only if it is the user's own (spec
 * 8.6); every {@code {id}} route answers a plain 404 unless the note is the user's.
 */
@Controller("/express/notes")
@Produces(MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
public class NoteController {
  private static final String NEW_NOTE = "New note";
  private static final String CREATE_PLACEHOLDER = "--------------";
  private static final String EDIT_PLACEHOLDER = "----------";

  /** A page about one note the signed-in user owns. */
  @FunctionalInterface
  private interface NotePage {
    HttpResponse<?> render(CookieSession session, SignedIn user, Note note);
  }

  private final Pages pages;
  private final FormBodyReader forms;
  private final CurrentUser currentUser;
  private final NoteRepository notes;

  public NoteController(
      Pages pages, FormBodyReader forms, CurrentUser currentUser, NoteRepository notes) {
    this.pages = pages;
    this.forms = forms;
    this.currentUser = currentUser;
    this.notes = notes;
  }

  /** {@code ?pad=<id>} preselects that pad in the drop-down. */
  @Get("/create")
  public HttpResponse<?> createForm(HttpRequest<?> request, @QueryValue @Nullable String pad) {
    return currentUser.require(
        request,
        (session, user) ->
            pages.app(
                session,
                user,
                NEW_NOTE,
                createForm(Ids.parse(pad).orElse(null), new FieldErrors())));
  }

  @Post(value = "/create", consumes = MediaType.ALL)
  public HttpResponse<?> create(HttpRequest<?> request, @Body @Nullable byte[] body) {
    return currentUser.require(
        request,
        (session, user) -> {
          FormBody form = forms.read(request, body);
          FieldErrors errors = validate(form.value("name"), form.value("text"));
          if (!errors.isEmpty()) {
            return pages.app(session, user, NEW_NOTE, createForm(null, errors));
          }
          Long padId = ownPad(form, user).orElse(null);
          notes.create(user.id(), new NoteFields(form.value("name"), form.value("text"), padId));
          Flash.success(session, "Note is successfully created");
          return Responses.found(Responses.HOME);
        });
  }

  @Get("/{id}")
  public HttpResponse<?> view(HttpRequest<?> request, String id) {
    return owned(
        request,
        id,
        (session, user, note) ->
            pages.app(
                session,
                user,
                note.name(),
                new NoteView(note, RelativeTime.fromNow(note.updatedAt(), Instant.now()))));
  }

  @Get("/{id}/edit")
  public HttpResponse<?> editForm(HttpRequest<?> request, String id) {
    return owned(
        request,
        id,
        (session, user, note) ->
            pages.app(
                session,
                user,
                note.name(),
                editForm(note.name(), note.text(), note.padId(), new FieldErrors())));
  }

  /**
   * A field left out of the body keeps the note's value, as in the original, which saves only the
   * fields sent (spec 5.5): {@code {"name": "x"}} renames the note and keeps its text and pad.
   */
  @Post(value = "/{id}/edit", consumes = MediaType.ALL)
  public HttpResponse<?> edit(HttpRequest<?> request, String id, @Body @Nullable byte[] body) {
    return owned(
        request,
        id,
        (session, user, note) -> {
          FormBody form = forms.read(request, body);
          String name = form.present("name").orElse(note.name());
          String text = form.present("text").orElse(note.text());
          Long padId =
              form.present("pad_id").isPresent() ? ownPad(form, user).orElse(null) : note.padId();
          FieldErrors errors = validate(name, text);
          if (!errors.isEmpty()) {
            return pages.app(session, user, name, editForm(name, text, padId, errors));
          }
          if (!notes.update(note.id(), user.id(), new NoteFields(name, text, padId))) {
            return Responses.notOwned(request);
          }
          Flash.success(session, "Note is successfully updated");
          return Responses.found("/express/notes/" + note.id());
        });
  }

  @Get("/{id}/delete")
  public HttpResponse<?> deleteForm(HttpRequest<?> request, String id) {
    return owned(
        request,
        id,
        (session, user, note) -> pages.app(session, user, note.name(), new NoteDeletion(note)));
  }

  /** The body, if any, is ignored. */
  @Post(value = "/{id}/delete", consumes = MediaType.ALL)
  public HttpResponse<?> delete(HttpRequest<?> request, String id) {
    return owned(
        request,
        id,
        (session, user, note) -> {
          if (!notes.delete(note.id(), user.id())) {
            return Responses.notOwned(request);
          }
          Flash.success(session, "Note is successfully deleted");
          return Responses.found(Responses.HOME);
        });
  }

  private static FieldErrors validate(String name, String text) {
    FieldErrors errors = new FieldErrors();
    Names.check(errors, name);
    if (text.isEmpty()) {
      errors.add("text", "Text is required");
    }
    return errors;
  }

  /** The submitted pad if it is one of the user's; an empty, placeholder or foreign one is none. */
  private static Optional<Long> ownPad(FormBody form, SignedIn user) {
    return Ids.parse(form.value("pad_id")).flatMap(user::pad).map(Pad::id);
  }

  /** The create form keeps no input after an error, as in the original (spec 8.22). */
  private static NoteForm createForm(@Nullable Long selectedPad, FieldErrors errors) {
    return new NoteForm(null, "", selectedPad, CREATE_PLACEHOLDER, errors);
  }

  private static NoteForm editForm(
      String name, String text, @Nullable Long selectedPad, FieldErrors errors) {
    return new NoteForm(name, text, selectedPad, EDIT_PLACEHOLDER, errors);
  }

  private HttpResponse<?> owned(HttpRequest<?> request, String id, NotePage page) {
    PageQuery<Optional<Note>> note =
        Ids.parse(id).map(notes::one).orElse((c, user) -> Optional.empty());
    return currentUser.require(
        request,
        note,
        (session, user, found) ->
            found
                .<HttpResponse<?>>map(n -> page.render(session, user, n))
                .orElseGet(() -> Responses.notOwned(request)));
  }
}
