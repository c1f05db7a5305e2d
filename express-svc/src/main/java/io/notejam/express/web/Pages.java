package io.notejam.express.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.notejam.common.session.CookieSession;
import io.notejam.express.pad.PadRepository;
import io.notejam.express.user.User;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders pages inside the common layout (spec 6.1): the account frame (sign in, sign up, forgot
 * password, settings) or the app frame with the "My pads" sidebar. Rendering a page is what
 * consumes the pending flash messages.
 */
@Singleton
public class Pages {
  private final PadRepository pads;

  public Pages(PadRepository pads) {
    this.pads = pads;
  }

  /** Starts a page model with the view name and its title. */
  public static Page page(String view, String title) {
    return new Page(view, title);
  }

  /** A page under construction: its view, title and template variables. */
  public static final class Page {
    private final String view;
    private final Map<String, Object> model = new HashMap<>();

    private Page(String view, String title) {
      this.view = view;
      model.put("title", title);
      model.put("errors", Map.of());
    }

    public Page with(String name, @Nullable Object value) {
      model.put(name, value);
      return this;
    }

    public Page errors(FieldErrors errors) {
      model.put("errors", errors.asMap());
      return this;
    }
  }

  /** A page in the account frame (no sidebar); {@code user} may be null. */
  public MutableHttpResponse<ModelAndView<Map<String, Object>>> account(
      CookieSession session, @Nullable User user, Page page) {
    return render(session, user, page, List.of());
  }

  /** A page in the app frame, with the signed-in user's pads in the sidebar. */
  public MutableHttpResponse<ModelAndView<Map<String, Object>>> app(
      CookieSession session, User user, Page page) {
    return render(session, user, page, pads.listFor(user.id()));
  }

  /** The HTML error page (spec 6.13): layout, empty title, the status's reason as {@code h1}. */
  public static MutableHttpResponse<ModelAndView<Map<String, Object>>> error(HttpStatus status) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", "");
    model.put("message", status.getReason());
    return HttpResponse.<ModelAndView<Map<String, Object>>>status(status)
        .contentType(Html.MEDIA_TYPE)
        .body(new ModelAndView<>("error", model));
  }

  private static MutableHttpResponse<ModelAndView<Map<String, Object>>> render(
      CookieSession session, @Nullable User user, Page page, List<?> sidebar) {
    page.model.put("user", user);
    page.model.put("pads", sidebar);
    page.model.put("flash", Flash.take(session));
    return HttpResponse.ok(new ModelAndView<>(page.view, page.model)).contentType(Html.MEDIA_TYPE);
  }
}
