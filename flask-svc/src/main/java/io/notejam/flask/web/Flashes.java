package io.notejam.flask.web;

import io.notejam.common.session.CookieSession;
import java.util.ArrayList;
import java.util.List;

/**
 * Flask's {@code flash()}: messages queued in the session, shown (and removed) by the next page
 * rendered. Stored as one session string; the messages are our own constants, never user input.
 */
public final class Flashes {
  static final String SESSION_KEY = "_flashes";
  private static final char RECORD = '\u001E';
  private static final char UNIT = '\u001F';

  /** A queued message; the category is the CSS class suffix ({@code alert-success}). */
  public record Flash(String category, String message) {}

  private Flashes() {}

  public static void success(CookieSession session, String message) {
    add(session, "success", message);
  }

  public static void error(CookieSession session, String message) {
    add(session, "error", message);
  }

  /** Flask-Login's category for its "please log in" message, which has no CSS style (B24). */
  public static void message(CookieSession session, String message) {
    add(session, "message", message);
  }

  private static void add(CookieSession session, String category, String message) {
    String entry = category + UNIT + message;
    session.put(
        SESSION_KEY, session.get(SESSION_KEY).map(queued -> queued + RECORD + entry).orElse(entry));
  }

  /** Takes every queued message, oldest first, leaving none. */
  public static List<Flash> take(CookieSession session) {
    List<Flash> flashes = new ArrayList<>();
    session
        .get(SESSION_KEY)
        .ifPresent(
            queued -> {
              for (String entry : queued.split(String.valueOf(RECORD))) {
                int split = entry.indexOf(UNIT);
                if (split > 0) {
                  flashes.add(new Flash(entry.substring(0, split), entry.substring(split + 1)));
                }
              }
            });
    session.remove(SESSION_KEY);
    return flashes;
  }
}
