package io.notejam.flask.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.notejam.common.session.CookieSession;
import io.notejam.flask.csrf.CsrfTokens;
import io.notejam.flask.pad.PadRepository;
import io.notejam.flask.user.User;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders a page inside the common layout (spec 7.1): the title and heading, the signed-in block,
 * the flashes queued so far (which showing consumes), the CSRF token for the page's form, and, in
 * the app frame, the sidebar of the user's pads.
 */
@Singleton
public final class Pages {
  public static final String HTML = "text/html; charset=utf-8";

  private final PadRepository pads;
  private final CsrfTokens csrf;

  public Pages(PadRepository pads, CsrfTokens csrf) {
    this.pads = pads;
    this.csrf = csrf;
  }

  /** A page with the pads sidebar, for a signed-in user. */
  public MutableHttpResponse<?> app(
      HttpRequest<?> request, User user, String view, String title, Map<String, Object> model) {
    Map<String, Object> all = common(request, user, title, model);
    all.put("pads", pads.findByUser(user.id()));
    return render(view, all);
  }

  /** A page without the sidebar (sign in, sign up, forgot password, settings). */
  public MutableHttpResponse<?> account(
      HttpRequest<?> request,
      User userOrNull,
      String view,
      String title,
      Map<String, Object> model) {
    return render(view, common(request, userOrNull, title, model));
  }

  private Map<String, Object> common(
      HttpRequest<?> request, User user, String title, Map<String, Object> model) {
    CookieSession session = CookieSession.of(request);
    Map<String, Object> all = new HashMap<>(model);
    all.put("title", title);
    all.put("user", user);
    // Issued here, not lazily in the template: views render after the session cookie is sealed,
    // and the first token of a session creates the session's csrf value.
    all.put("csrfToken", csrf.issue(session));
    all.put("flashes", Flashes.take(session));
    return all;
  }

  private static MutableHttpResponse<?> render(String view, Map<String, Object> model) {
    return HttpResponse.ok(new ModelAndView<>(view, model)).contentType(HTML);
  }
}
