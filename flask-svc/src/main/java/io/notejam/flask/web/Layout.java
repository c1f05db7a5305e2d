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
    String csrfToken) {}
