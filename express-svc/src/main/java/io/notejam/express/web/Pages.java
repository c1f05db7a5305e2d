package io.notejam.express.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.notejam.common.session.CookieSession;
import io.notejam.express.user.SignedIn;
import io.notejam.express.user.User;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Renders pages inside the common layout (spec 6.1): the account frame (sign in, sign up, forgot
 * password, settings) or the app frame with the "My pads" sidebar. Rendering a page is what
 * consumes the pending flash messages.
 */
@Singleton
public class Pages {
  private static final Flash.Messages NO_FLASH = new Flash.Messages(List.of(), List.of());

  private final Templates templates;

  public Pages(Templates templates) {
    this.templates = templates;
  }

  /** A page in the account frame (no sidebar); {@code user} may be null. */
  public MutableHttpResponse<byte[]> account(
      CookieSession session, @Nullable User user, String title, Page page) {
    return ok(new Frame(Frame.Kind.ACCOUNT, title, user, List.of(), Flash.take(session)), page);
  }

  /** A page in the app frame, with the signed-in user's pads in the sidebar. */
  public MutableHttpResponse<byte[]> app(
      CookieSession session, SignedIn user, String title, Page page) {
    return ok(
        new Frame(Frame.Kind.APP, title, user.user(), user.pads(), Flash.take(session)), page);
  }

  /**
   * The HTML error page (spec 6.13): layout with the signed-in {@code user} (or none), empty title,
   * the status's reason as {@code h1}, no flash messages.
   */
  public MutableHttpResponse<byte[]> error(HttpStatus status, @Nullable User user) {
    Frame frame = new Frame(Frame.Kind.ERROR, "", user, List.of(), NO_FLASH);
    return HttpResponse.<byte[]>status(status)
        .header(HttpHeaders.CONTENT_TYPE, Html.CONTENT_TYPE)
        .body(templates.render(frame, new ErrorPage(status.getReason())));
  }

  private MutableHttpResponse<byte[]> ok(Frame frame, Page page) {
    return HttpResponse.ok(templates.render(frame, page))
        .header(HttpHeaders.CONTENT_TYPE, Html.CONTENT_TYPE);
  }
}
