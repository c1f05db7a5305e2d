package io.notejam.flask.user.signin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.notejam.common.session.CookieSession;
import io.notejam.flask.user.SignedIn;
import io.notejam.flask.web.Redirects;

/** {@code GET /flask/signout/}: a plain GET, as in the original (B11); no flash (spec 4.6). */
@Controller("/flask/signout/")
public final class SignoutController {
  private final SignedIn signedIn;

  public SignoutController(SignedIn signedIn) {
    this.signedIn = signedIn;
  }

  @Get
  public HttpResponse<?> signOut(HttpRequest<?> request) {
    signedIn.signOut(CookieSession.of(request));
    return Redirects.found(request, "/flask/signin/");
  }
}
