package io.notejam.express.routing;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.notejam.express.web.Responses;

/** {@code GET /} → 302 {@code /express}, query dropped (spec 1.2). */
@Controller
@Produces(MediaType.ALL)
public class RootController {
  @Get("/")
  public HttpResponse<?> root() {
    return Responses.found(Responses.HOME);
  }
}
