package io.notejam.flask.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.notejam.common.session.CookieSession;
import io.notejam.common.web.HtmlBytes;
import io.notejam.flask.csrf.CsrfTokens;
import io.notejam.flask.pad.Pad;
import io.notejam.flask.user.User;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a page inside the common layout (spec 7.1): the title and heading, the signed-in block,
 * the flashes queued so far (which showing consumes), the CSRF token for the page's form, and, in
 * the app frame, the sidebar of the user's pads.
 *
 * <p>The views are jte templates in {@code src/main/jte}, compiled to classes at build time; each
 * takes the {@link Layout} as {@code layout} plus the page's own parameters.
 */
@Singleton
public final class Pages {
  public static final String HTML = "text/html; charset=utf-8";

  /** Enough for a 50-note list (about 12 KiB) without growing; longer lists double it. */
  private static final int INITIAL_BYTES = 16 * 1024;

  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final CsrfTokens csrf;

  public Pages(CsrfTokens csrf) {
    this.csrf = csrf;
  }

  /** A page with the sidebar of the user's pads, for a signed-in user. */
  public MutableHttpResponse<byte[]> app(
      HttpRequest<?> request,
      User user,
      List<Pad> pads,
      String view,
      String title,
      Map<String, Object> model) {
    return render(view, layout(request, user, title, pads), model);
  }

  /** A page without the sidebar (sign in, sign up, forgot password, settings). */
  public MutableHttpResponse<byte[]> account(
      HttpRequest<?> request,
      User userOrNull,
      String view,
      String title,
      Map<String, Object> model) {
    return render(view, layout(request, userOrNull, title, null), model);
  }

  private Layout layout(HttpRequest<?> request, User user, String title, List<Pad> sidebar) {
    CookieSession session = CookieSession.of(request);
    // The first token of a session creates the session's csrf value, so it is issued before the
    // session filter seals the cookie.
    return new Layout(title, user, sidebar, Flashes.take(session), csrf.issue(session));
  }

  private MutableHttpResponse<byte[]> render(
      String view, Layout layout, Map<String, Object> model) {
    Map<String, Object> params = new HashMap<>(model);
    params.put("layout", layout);
    HtmlBytes page = new HtmlBytes(INITIAL_BYTES, Html.ESCAPING);
    templates.render(view + ".jte", params, page);
    byte[] bytes = page.toByteArray();
    // Set here so that HEAD, whose body Micronaut drops, still tells GET's length (spec 0).
    return HttpResponse.ok(bytes).contentType(HTML).contentLength(bytes.length);
  }
}
