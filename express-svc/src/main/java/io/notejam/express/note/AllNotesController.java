package io.notejam.express.note;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.notejam.express.user.CurrentUser;
import io.notejam.express.web.Pages;
import io.notejam.express.web.Responses;

/**
 * "All notes" at {@code /express/} (spec 5.1). {@code /express} without the slash first answers 303
 * to {@code /express/}, query kept, before any login check and without consuming flash messages,
 * exactly like the original's static middleware (spec 1.2); the test suite asserts that hop.
 */
@Controller
@Produces(MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AllNotesController {
  private final Pages pages;
  private final CurrentUser currentUser;
  private final NoteRepository notes;

  public AllNotesController(Pages pages, CurrentUser currentUser, NoteRepository notes) {
    this.pages = pages;
    this.currentUser = currentUser;
    this.notes = notes;
  }

  @Get("/express/")
  public HttpResponse<?> list(HttpRequest<?> request) {
    if (!request.getPath().endsWith("/")) {
      String query = request.getUri().getRawQuery();
      return Responses.seeOther("/express/" + (query == null ? "" : "?" + query));
    }
    return currentUser.require(
        request,
        notes.all(NoteOrder.of(request)),
        (session, user, items) ->
            pages.app(
                session,
                user,
                "All notes (" + items.size() + ")",
                new NoteList(items, null, "/express/")));
  }
}
