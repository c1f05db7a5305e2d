package io.notejam.flask.web;

import io.micronaut.core.annotation.Nullable;
import io.notejam.flask.pad.Pad;
import io.notejam.flask.user.User;
import io.notejam.flask.web.Flashes.Flash;
import java.util.List;

/**
 * What the common frame of every page shows (spec 7.1).
 *
 * @param title the {@code <title>} and the heading
 * @param user the signed-in user for the top-right block, or null
 * @param pads the sidebar's pads in the app frame, or null for the account frame
 * @param flashes the messages this page consumes, oldest first
 * @param csrfToken the token for the page's form
 */
public record Layout(
    String title,
    @Nullable User user,
    @Nullable List<Pad> pads,
    List<Flash> flashes,
    String csrfToken) {

  /**
   * The {@code <html>} start tag inside IE conditional comments, as the original's base template
   * has it (spec 7.1). jte cannot parse tags in comments, so the layout prints this as it is.
   */
  public static final String HTML_START_TAGS =
      """
      <!--[if lt IE 7 ]><html class="ie ie6" lang="en"> <![endif]-->
      <!--[if IE 7 ]><html class="ie ie7" lang="en"> <![endif]-->
      <!--[if IE 8 ]><html class="ie ie8" lang="en"> <![endif]-->
      <!--[if (gte IE 9)|!(IE)]><!--><html lang="en"> <!--<![endif]-->""";
}
