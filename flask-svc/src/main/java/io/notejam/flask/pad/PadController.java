package io.notejam.flask.pad;

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
import io.notejam.flask.user.SignedIn;
import io.notejam.flask.user.User;
import io.notejam.flask.user.UserWithPads;
import io.notejam.flask.web.Flashes;
import io.notejam.flask.web.FormData;
import io.notejam.flask.web.Ids;
import io.notejam.flask.web.NotFoundException;
import io.notejam.flask.web.Pages;
import io.notejam.flask.web.Redirects;
import java.util.List;
import java.util.Map;

/**
 * Pads: create, rename, delete (spec 5; the pad's notes page is a note list, in {@code note}).
 * Every route needs a signed-in user, and a pad that is not theirs is a 404.
 */
@Controller("/flask/pads")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(Pages.HTML)
public final class PadController {
  private final Jdbc jdbc;
  private final PadRepository pads;
  private final SignedIn signedIn;
  private final CsrfTokens csrf;
  private final Pages pages;

  /** The pages (GET) read everything they show on one pooled connection. */
  public PadController(
      Jdbc jdbc, PadRepository pads, SignedIn signedIn, CsrfTokens csrf, Pages pages) {
    this.jdbc = jdbc;
    this.pads = pads;
    this.signedIn = signedIn;
    this.csrf = csrf;
    this.pages = pages;
  }

  @Get("/create/")
  public HttpResponse<?> createForm(HttpRequest<?> request) {
    return jdbc.read(
        c -> {
          UserWithPads signedInUser = signedIn.requireWithPads(request, c);
          User user = signedInUser.user();
          return renderForm(
              request, user, signedInUser.pads(), "pad/create", "New pad", PadForm.empty(), null);
        });
  }

  @Post(value = "/create/", consumes = MediaType.ALL)
  public HttpResponse<?> create(HttpRequest<?> request, @Body @Nullable String body) {
    User user = signedIn.require(request);
    FormData data = FormData.parse(request, body);
    PadForm form = PadForm.empty().post(data);
    CookieSession session = CookieSession.of(request);
    boolean tokenOk = csrf.accepts(session, data);
    if (!form.validate() || !tokenOk) {
      return renderForm(
          request, user, pads.findByUser(user.id()), "pad/create", "New pad", form, null);
    }
    pads.create(form.getName().getValue(), user.id());
    Flashes.success(session, "Pad is successfully created");
    return Redirects.found(request, "/flask");
  }

  @Get("/{id:[0-9]+}/edit/")
  public HttpResponse<?> editForm(HttpRequest<?> request, String id) {
    return jdbc.read(
        c -> {
          UserWithPads signedInUser = signedIn.requireWithPads(request, c);
          User user = signedInUser.user();
          Pad pad = signedInUser.pad(Ids.parse(id)).orElseThrow(NotFoundException::new);
          return renderForm(
              request, user, signedInUser.pads(), "pad/edit", pad.name(), PadForm.of(pad), pad);
        });
  }

  /** A failed save keeps the stored name as the title (B18, unlike notes). */
  @Post(value = "/{id:[0-9]+}/edit/", consumes = MediaType.ALL)
  public HttpResponse<?> edit(HttpRequest<?> request, String id, @Body @Nullable String body) {
    User user = signedIn.require(request);
    Pad pad = owned(id, user);
    FormData data = FormData.parse(request, body);
    PadForm form = PadForm.of(pad).post(data);
    CookieSession session = CookieSession.of(request);
    boolean tokenOk = csrf.accepts(session, data);
    if (!form.validate() || !tokenOk) {
      return renderForm(
          request, user, pads.findByUser(user.id()), "pad/edit", pad.name(), form, pad);
    }
    pads.rename(pad.id(), form.getName().getValue());
    Flashes.success(session, "Pad is successfully updated");
    return Redirects.found(request, "/flask/pads/" + pad.id() + "/");
  }

  @Get("/{id:[0-9]+}/delete/")
  public HttpResponse<?> deleteForm(HttpRequest<?> request, String id) {
    return jdbc.read(
        c -> {
          UserWithPads signedInUser = signedIn.requireWithPads(request, c);
          User user = signedInUser.user();
          Pad pad = signedInUser.pad(Ids.parse(id)).orElseThrow(NotFoundException::new);
          return renderDelete(request, user, signedInUser.pads(), pad);
        });
  }

  /** Deletes the pad with its notes. The flash says "Note" (sic, B3); the token is checked (B9). */
  @Post(value = "/{id:[0-9]+}/delete/", consumes = MediaType.ALL)
  public HttpResponse<?> delete(HttpRequest<?> request, String id, @Body @Nullable String body) {
    User user = signedIn.require(request);
    Pad pad = owned(id, user);
    CookieSession session = CookieSession.of(request);
    if (!csrf.accepts(session, FormData.parse(request, body))) {
      return renderDelete(request, user, pads.findByUser(user.id()), pad);
    }
    pads.delete(pad.id());
    Flashes.success(session, "Note is successfully deleted");
    return Redirects.found(request, "/flask");
  }

  private Pad owned(String id, User user) {
    return pads.findOwned(Ids.parse(id), user.id()).orElseThrow(NotFoundException::new);
  }

  private HttpResponse<?> renderForm(
      HttpRequest<?> request,
      User user,
      List<Pad> sidebar,
      String view,
      String title,
      PadForm form,
      Pad pad) {
    Map<String, Object> model =
        pad == null ? Map.of("form", form) : Map.of("form", form, "pad", pad);
    return pages.app(request, user, sidebar, view, title, model);
  }

  private HttpResponse<?> renderDelete(
      HttpRequest<?> request, User user, List<Pad> sidebar, Pad pad) {
    return pages.app(request, user, sidebar, "pad/delete", pad.name(), Map.of("pad", pad));
  }
}
