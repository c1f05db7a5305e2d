package io.notejam.flask.note;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.notejam.flask.pad.Pad;
import io.notejam.flask.pad.PadRepository;
import io.notejam.flask.user.SignedIn;
import io.notejam.flask.user.User;
import io.notejam.flask.web.Ids;
import io.notejam.flask.web.NotFoundException;
import io.notejam.flask.web.Pages;
import java.util.List;
import java.util.Map;

/**
 * The two note lists, sorted by {@code ?order=} (spec 6.1, 5.2, 6.2): the home page with all the
 * user's notes, and one pad's notes. The home page's sort links stay under {@code /flask} (B4).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(Pages.HTML)
public final class NoteListController {
  private final NoteRepository notes;
  private final PadRepository pads;
  private final SignedIn signedIn;
  private final Pages pages;

  public NoteListController(
      NoteRepository notes, PadRepository pads, SignedIn signedIn, Pages pages) {
    this.notes = notes;
    this.pads = pads;
    this.signedIn = signedIn;
    this.pages = pages;
  }

  @Get("/flask")
  public HttpResponse<?> all(HttpRequest<?> request, @QueryValue @Nullable String order) {
    User user = signedIn.require(request);
    List<Note> list = notes.findByUser(user.id(), NoteOrder.of(order));
    return pages.app(
        request,
        user,
        "note/all",
        "All notes (" + list.size() + ")",
        Map.of("notes", list, "dates", SmartDate.now()));
  }

  @Get("/flask/pads/{id:[0-9]+}/")
  public HttpResponse<?> pad(
      HttpRequest<?> request, String id, @QueryValue @Nullable String order) {
    User user = signedIn.require(request);
    Pad pad = pads.findOwned(Ids.parse(id), user.id()).orElseThrow(NotFoundException::new);
    List<Note> list = notes.findByPad(pad.id(), user.id(), NoteOrder.of(order));
    return pages.app(
        request,
        user,
        "note/pad",
        pad.name() + " (" + list.size() + ")",
        Map.of("notes", list, "pad", pad, "dates", SmartDate.now()));
  }
}
