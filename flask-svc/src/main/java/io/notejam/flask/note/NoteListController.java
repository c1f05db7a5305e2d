package io.notejam.flask.note;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.notejam.flask.db.Jdbc;
import io.notejam.flask.pad.Pad;
import io.notejam.flask.pad.PadRepository;
import io.notejam.flask.user.SignedIn;
import io.notejam.flask.user.User;
import io.notejam.flask.user.UserWithPads;
import io.notejam.flask.web.Ids;
import io.notejam.flask.web.NotFoundException;
import io.notejam.flask.web.Pages;
import io.notejam.flask.web.Query;
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
  private final Jdbc jdbc;
  private final NoteRepository notes;
  private final PadRepository pads;
  private final SignedIn signedIn;
  private final Pages pages;

  /** Each list is read on one pooled connection: the user, the notes and the sidebar's pads. */
  public NoteListController(
      Jdbc jdbc, NoteRepository notes, PadRepository pads, SignedIn signedIn, Pages pages) {
    this.jdbc = jdbc;
    this.notes = notes;
    this.pads = pads;
    this.signedIn = signedIn;
    this.pages = pages;
  }

  @Get("/flask")
  public HttpResponse<?> all(HttpRequest<?> request) {
    NoteOrder sort = NoteOrder.of(Query.first(request, "order"));
    return jdbc.read(
        c -> {
          UserWithPads signedInUser = signedIn.requireWithPads(request, c);
          User user = signedInUser.user();
          List<ListedNote> list = notes.findByUser(c, user.id(), sort);
          return pages.app(
              request,
              user,
              signedInUser.pads(),
              "note/all",
              "All notes (" + list.size() + ")",
              Map.of("notes", list, "dates", SmartDate.now()));
        });
  }

  @Get("/flask/pads/{id:[0-9]+}/")
  public HttpResponse<?> pad(HttpRequest<?> request, String id) {
    NoteOrder sort = NoteOrder.of(Query.first(request, "order"));
    return jdbc.read(
        c -> {
          UserWithPads signedInUser = signedIn.requireWithPads(request, c);
          User user = signedInUser.user();
          Pad pad = signedInUser.pad(Ids.parse(id)).orElseThrow(NotFoundException::new);
          List<ListedNote> list = notes.findByPad(c, pad.id(), user.id(), sort);
          return pages.app(
              request,
              user,
              signedInUser.pads(),
              "note/pad",
              pad.name() + " (" + list.size() + ")",
              Map.of("notes", list, "pad", pad, "dates", SmartDate.now()));
        });
  }
}
