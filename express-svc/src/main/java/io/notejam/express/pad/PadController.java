package io.notejam.express.pad;

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
import io.notejam.express.note.NoteList;
import io.notejam.express.note.NoteListItem;
import io.notejam.express.note.NoteOrder;
import io.notejam.express.note.NoteRepository;
import io.notejam.express.user.CurrentUser;
import io.notejam.express.user.CurrentUser.PageQuery;
import io.notejam.express.user.SignedIn;
import io.notejam.express.web.FieldErrors;
import io.notejam.express.web.Flash;
import io.notejam.express.web.FormBodyReader;
import io.notejam.express.web.Ids;
import io.notejam.express.web.Names;
import io.notejam.express.web.Pages;
import io.notejam.express.web.Responses;
import java.util.List;
import java.util.Optional;

/**
 * Pads (spec 4): create, view its notes, edit, delete. Every {@code {id}} route answers a plain 404
 * unless the pad exists and belongs to the signed-in user (spec 4.6).
 */
@Controller("/express/pads")
@Produces(MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PadController {
  private static final String NEW_PAD = "New pad";

  /** A page about one pad the signed-in user owns. */
  @FunctionalInterface
  private interface PadPage {
    HttpResponse<?> render(CookieSession session, SignedIn user, Pad pad);
  }

  private final Pages pages;
  private final FormBodyReader forms;
  private final CurrentUser currentUser;
  private final PadRepository pads;
  private final NoteRepository notes;

  public PadController(
      Pages pages,
      FormBodyReader forms,
      CurrentUser currentUser,
      PadRepository pads,
      NoteRepository notes) {
    this.pages = pages;
    this.forms = forms;
    this.currentUser = currentUser;
    this.pads = pads;
    this.notes = notes;
  }

  @Get("/create")
  public HttpResponse<?> createForm(HttpRequest<?> request) {
    return currentUser.require(
        request,
        (session, user) ->
            pages.app(session, user, NEW_PAD, new PadForm(null, null, new FieldErrors())));
  }

  @Post(value = "/create", consumes = MediaType.ALL)
  public HttpResponse<?> create(HttpRequest<?> request, @Body @Nullable byte[] body) {
    return currentUser.require(
        request,
        (session, user) -> {
          String name = forms.read(request, body).value("name");
          FieldErrors errors = new FieldErrors();
          Names.check(errors, name);
          if (!errors.isEmpty()) {
            return pages.app(session, user, NEW_PAD, new PadForm(null, null, errors));
          }
          pads.create(name, user.id());
          Flash.success(session, "Pad is successfully created");
          return Responses.found(Responses.HOME);
        });
  }

  @Get("/{id}")
  public HttpResponse<?> view(HttpRequest<?> request, String id) {
    Optional<Long> padId = Ids.parse(id);
    PageQuery<List<NoteListItem>> padNotes =
        padId.map(p -> notes.inPad(p, NoteOrder.of(request))).orElse((c, user) -> List.of());
    return currentUser.require(
        request,
        padNotes,
        (session, user, items) ->
            padId
                .flatMap(user::pad)
                .<HttpResponse<?>>map(
                    pad ->
                        pages.app(
                            session,
                            user,
                            pad.name() + " (" + items.size() + ")",
                            new NoteList(items, pad, "/express/pads/" + pad.id() + "/")))
                .orElseGet(() -> Responses.notOwned(request)));
  }

  @Get("/{id}/edit")
  public HttpResponse<?> editForm(HttpRequest<?> request, String id) {
    return owned(
        request,
        id,
        (session, user, pad) ->
            pages.app(session, user, pad.name(), new PadForm(pad.name(), pad, new FieldErrors())));
  }

  /** The name comes from the body, else from the query string, as the original reads it. */
  @Post(value = "/{id}/edit", consumes = MediaType.ALL)
  public HttpResponse<?> edit(
      HttpRequest<?> request,
      String id,
      @Body @Nullable byte[] body,
      @QueryValue @Nullable String name) {
    return owned(
        request,
        id,
        (session, user, pad) -> {
          String newName =
              forms.read(request, body).present("name").orElse(name == null ? "" : name);
          FieldErrors errors = new FieldErrors();
          Names.check(errors, newName);
          if (!errors.isEmpty()) {
            return pages.app(session, user, newName, new PadForm(newName, pad, errors));
          }
          if (!pads.rename(pad.id(), user.id(), newName)) {
            return Responses.notOwned(request);
          }
          Flash.success(session, "Pad is successfully updated");
          return Responses.found(Responses.HOME);
        });
  }

  @Get("/{id}/delete")
  public HttpResponse<?> deleteForm(HttpRequest<?> request, String id) {
    return owned(
        request,
        id,
        (session, user, pad) -> pages.app(session, user, pad.name(), new PadDeletion(pad)));
  }

  /** The body, if any, is ignored. */
  @Post(value = "/{id}/delete", consumes = MediaType.ALL)
  public HttpResponse<?> delete(HttpRequest<?> request, String id) {
    return owned(
        request,
        id,
        (session, user, pad) -> {
          if (!pads.delete(pad.id(), user.id())) {
            return Responses.notOwned(request);
          }
          Flash.success(session, "Pad is successfully deleted");
          return Responses.found(Responses.HOME);
        });
  }

  private HttpResponse<?> owned(HttpRequest<?> request, String id, PadPage page) {
    return currentUser.require(
        request,
        (session, user) ->
            Ids.parse(id)
                .flatMap(user::pad)
                .<HttpResponse<?>>map(pad -> page.render(session, user, pad))
                .orElseGet(() -> Responses.notOwned(request)));
  }
}
